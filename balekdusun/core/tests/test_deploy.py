"""The production set-up in deploy/: env.example names every variable the code reads, the systemd units and proxy
configurations point at what exists, and gunicorn.conf.py loads and passes worker exits to the metrics."""

import ast
import re
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
DEPLOY = ROOT / "deploy"
# The typed readers of balekdusun/lib/env.py and os.getenv (os.environ and a module's own wrappers: below).
ENV_READERS = {"env_str", "env_int", "env_bool", "env_list", "getenv"}
# Read by the code but set by the tools around it, never by an office's IT officer.
NOT_FOR_THE_ENV_FILE = {
    "DJANGO_SETTINGS_MODULE",  # set by the systemd units and by balekdusun/cli.py
    "TEST_DATABASE_NAME",  # pytest only
    "SERVER_SOFTWARE",  # set by gunicorn
    "prometheus_multiproc_dir",  # the old spelling prometheus_client still reads; env.example sets the new one
    # Given once to `balekdusun create_admin` at installation (docs/install.md), never kept in the env file.
    "ADMIN_USERNAME", "ADMIN_EMAIL", "ADMIN_PASSWORD",
}


def environment_reads(path: Path) -> set[str]:
    """Names of the environment variables a Python file reads: env_str("X") and the other typed readers of
    balekdusun/lib/env.py, os.environ.get("X"), os.environ["X"], os.getenv("X"), and calls of the file's own
    wrappers around them (a function that passes its first parameter to a reader, e.g. `_days("X", 30)`)."""
    tree = ast.parse(path.read_text(), str(path))
    readers = set(ENV_READERS)
    for func in ast.walk(tree):
        if isinstance(func, ast.FunctionDef) and func.args.args:
            first = func.args.args[0].arg
            if any(_reads(node, readers) and isinstance(node.args[0], ast.Name) and node.args[0].id == first
                   for node in ast.walk(func) if isinstance(node, ast.Call) and node.args):
                readers.add(func.name)
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str) and _reads(node, readers):
            names.add(node.args[0].value)
        elif isinstance(node, ast.Subscript) and _is_environ(node.value) and isinstance(node.slice, ast.Constant):
            names.add(node.slice.value)
    return names


def _reads(call: ast.Call, readers: set[str]) -> bool:
    func = call.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    on_environ = isinstance(func, ast.Attribute) and _is_environ(func.value) and name in {"get", "setdefault"}
    return name in readers or on_environ


def _is_environ(node) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "environ" or isinstance(node, ast.Name) \
        and node.id == "environ"


def code_files():
    for path in sorted((ROOT / "balekdusun").rglob("*.py")):
        parts = set(path.relative_to(ROOT).parts)
        if not parts & {"tests", "migrations"}:
            yield path
    yield DEPLOY / "gunicorn.conf.py"


def env_example() -> dict[str, str]:
    """NAME -> value of env.example, commented-out defaults included; fails on a line that is neither."""
    names = {}
    for number, line in enumerate((DEPLOY / "env.example").read_text().splitlines(), 1):
        text = line.strip()
        match = re.fullmatch(r"#?([A-Z][A-Z0-9_]*)=(.*)", text)
        if match:
            assert match.group(1) not in names, f"env.example line {number}: {match.group(1)} named twice"
            names[match.group(1)] = match.group(2)
        else:
            assert text == "" or text.startswith("# ") or text == "#", f"env.example line {number}: {line!r}"
    return names


def test_the_reader_finds_every_kind_of_read(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('import os\nfrom os import environ\nA = env_str("ALPHA")\nB = env_int(\n    "BETA", 3)\n'
                      'C = os.environ.get("GAMMA")\nD = os.environ["DELTA"]\nE = os.getenv("EPSILON")\n'
                      'F = environ.get("ZETA")\nG = {"x": 1}.get("NOT_ENV")\n'
                      'def _days(name, default):\n    return env_int(name, default) or None\n'
                      'def other(name):\n    return env_int("ETA", 1)\n'
                      'H = _days("THETA", 30)\nI = other("NOT_ENV_EITHER")\n')
    assert environment_reads(sample) == {"ALPHA", "BETA", "GAMMA", "DELTA", "EPSILON", "ZETA", "ETA", "THETA"}


def test_env_example_names_every_variable_the_code_reads():
    read = set().union(*(environment_reads(path) for path in code_files()))
    # The scan sees the settings (a sanity check that it reads something real).
    assert {"SECRET_KEY", "DATABASE_URL", "FIELD_ENCRYPTION_KEYS", "SYNC_MAX_BATCH", "GUNICORN_WORKERS"} <= read
    missing = sorted(read - NOT_FOR_THE_ENV_FILE - set(env_example()))
    assert missing == [], f"deploy/env.example does not name: {', '.join(missing)}"


def test_env_example_names_the_settings_of_operations_and_privacy():
    # Read by apps that land beside this one (backups, metrics, logs, replica, jobs, privacy, rights).
    names = set(env_example())
    assert {"BACKUP_KEY", "LOG_FORMAT", "METRICS_TOKEN", "METRICS_ALLOWED_IPS", "DATABASE_REPLICA_URL", "SENTRY_DSN",
            "RIGHTS_ANSWER_HOURS", "READY_WORKER_STALE_SECONDS", "PROMETHEUS_MULTIPROC_DIR"} <= names
    assert {name for name in names if re.fullmatch(r"PRIVACY_\w+_DAYS", name)}


def test_env_example_holds_no_secret_and_no_debug():
    values = env_example()
    for secret in ("SECRET_KEY", "FIELD_ENCRYPTION_KEYS", "BACKUP_KEY"):
        assert values[secret] == "", f"{secret} must be left for the installer to generate"
    assert values["DEBUG"] == "0" and values["BALEKDUSUN_MODE"] == "production"
    assert values["BEHIND_PROXY"] == "1"


def unit(name: str) -> dict[str, list[str]]:
    """A systemd unit as key -> values (sections ignored)."""
    values: dict[str, list[str]] = {}
    for line in (DEPLOY / name).read_text().splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, _sep, value = line.partition("=")
            values.setdefault(key.strip(), []).append(value.strip())
    return values


def test_web_unit_runs_gunicorn_with_the_production_settings():
    web = unit("balekdusun-web.service")
    assert web["EnvironmentFile"] == ["/etc/balekdusun/env"]
    assert "BALEKDUSUN_MODE=production" in web["Environment"]
    command = web["ExecStart"][0].split()
    assert command[0].endswith("/gunicorn") and command[-1] == "balekdusun.wsgi"
    conf = command[command.index("--config") + 1]
    assert conf.endswith("/deploy/gunicorn.conf.py")
    assert web["User"] == ["balekdusun"] and web["Restart"] == ["on-failure"]


def test_worker_unit_runs_the_worker_command():
    worker = unit("balekdusun-worker.service")
    assert worker["EnvironmentFile"] == ["/etc/balekdusun/env"]
    assert "BALEKDUSUN_MODE=production" in worker["Environment"]
    assert worker["ExecStart"][0].split()[1:] == ["worker"]
    assert worker["ExecStart"][0].split()[0].endswith("/bin/balekdusun")


def test_proxies_pass_the_scheme_limit_the_body_and_serve_static_files():
    nginx = (DEPLOY / "nginx.conf").read_text()
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in nginx
    assert re.search(r"client_max_body_size \d+m;", nginx)
    assert "location /static/" in nginx and "ssl_certificate " in nginx and "listen 443 ssl" in nginx
    caddy = (DEPLOY / "Caddyfile").read_text()
    assert re.search(r"max_size \d+MB", caddy) and "handle_path /static/*" in caddy
    assert "reverse_proxy 127.0.0.1:8000" in caddy
    # Both pass to the address gunicorn binds to by default.
    assert "127.0.0.1:8000" in nginx


def load_gunicorn_conf(monkeypatch, **env):
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    namespace: dict = {"__file__": str(DEPLOY / "gunicorn.conf.py")}
    exec(compile((DEPLOY / "gunicorn.conf.py").read_text(), "gunicorn.conf.py", "exec"), namespace)
    return namespace


def test_gunicorn_conf_is_valid_for_gunicorn(monkeypatch):
    from gunicorn.config import Config

    conf = load_gunicorn_conf(monkeypatch, GUNICORN_WORKERS="5")
    config = Config()
    for key, value in conf.items():
        if key in config.settings:
            config.set(key, value)
    assert config.workers == 5 and config.threads == 4 and config.preload_app is True
    assert config.bind == ["127.0.0.1:8000"] and config.worker_class_str == "gthread"
    assert callable(config.child_exit)


def test_gunicorn_conf_passes_a_worker_exit_to_the_metrics_when_they_exist(monkeypatch):
    conf = load_gunicorn_conf(monkeypatch)
    seen = []
    metrics = types.ModuleType("balekdusun.ops.metrics")
    metrics.child_exit = lambda server, worker: seen.append((server, worker))
    monkeypatch.setitem(sys.modules, "balekdusun.ops.metrics", metrics)
    conf["child_exit"]("server", "worker")
    assert seen == [("server", "worker")]


def test_gunicorn_conf_ignores_a_worker_exit_without_metrics(monkeypatch):
    conf = load_gunicorn_conf(monkeypatch)
    monkeypatch.setitem(sys.modules, "balekdusun.ops.metrics", None)  # import fails
    assert conf["child_exit"]("server", "worker") is None


@pytest.mark.parametrize("value", ["zero", "0", "-2", "1.5", "NaN"])
def test_gunicorn_conf_names_a_bad_number(monkeypatch, value):
    with pytest.raises(ValueError, match=f"GUNICORN_WORKERS must be a whole number of at least 1; got {value!r}"):
        load_gunicorn_conf(monkeypatch, GUNICORN_WORKERS=value)


def test_gunicorn_conf_takes_the_default_for_an_empty_value(monkeypatch):
    assert load_gunicorn_conf(monkeypatch, GUNICORN_WORKERS="")["workers"] == 3
