import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from balekdusun.lib.env import database_config, env_bool


def run_cli(*args, env_extra=None, env_drop=()):
    env = {k: v for k, v in os.environ.items() if k not in env_drop}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "balekdusun", *args], capture_output=True, text=True, env=env,
                          timeout=60)


def test_missing_secret_key_in_production_stops_with_a_message():
    result = run_cli("check", env_extra={"BALEKDUSUN_MODE": "production"}, env_drop=("SECRET_KEY",))
    assert result.returncode == 2
    assert "SECRET_KEY is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_malformed_database_url_stops_with_a_message():
    result = run_cli("check", env_extra={"BALEKDUSUN_MODE": "demo", "DATABASE_URL": "not a url"})
    assert result.returncode == 2
    assert "DATABASE_URL is malformed" in result.stderr and "Traceback" not in result.stderr


def test_unsupported_database_is_named():
    with pytest.raises(ImproperlyConfigured, match="unsupported database"):
        database_config("mysql://root@localhost/x", base_dir=None)


def test_sqlite_gets_wal_and_timeout(tmp_path):
    config = database_config(f"sqlite:///{tmp_path}/x.sqlite3", base_dir=tmp_path)
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["timeout"] == 20


def test_debug_is_off_by_default_in_production():
    result = run_cli("shell", "-c", "from django.conf import settings; print(settings.DEBUG)",
                     env_extra={"BALEKDUSUN_MODE": "production", "SECRET_KEY": "x" * 50,
                                "FIELD_ENCRYPTION_KEYS": "ZGVtby1hbmQtdGVzdC1vbmx5LWtleS0wMTIzNDU2Nzg="},
                     env_drop=("DEBUG",))
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr


def test_bad_boolean_is_named(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be"):
        env_bool("DEBUG")


def test_time_zone_and_languages(settings):
    assert settings.TIME_ZONE == "Asia/Jakarta"
    assert settings.LANGUAGE_CODE == "id"
    assert [code for code, _ in settings.LANGUAGES] == ["id", "en"]


def test_postgres_prepares_only_when_allowed():
    on = database_config("postgres://u:p@127.0.0.1:5432/x", base_dir=None)
    off = database_config("postgres://u:p@127.0.0.1:5432/x", base_dir=None, prepared_statements=False)
    assert on["OPTIONS"]["prepare_threshold"] == 5 and "prepare_threshold" not in off["OPTIONS"]
    # Django's own cursors bind on the client (never prepared); only lib/rawsql asks for preparation.
    assert "server_side_binding" not in on["OPTIONS"]
