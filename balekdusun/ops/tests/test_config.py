"""Operations settings read from the environment: bad values stop the start with the variable named; SENTRY_DSN
turns error reporting on without personal data."""

import os
import subprocess
import sys

import pytest

BIN = os.path.join(os.path.dirname(sys.executable), "balekdusun")


def _run(env_extra: dict, *args) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)}
    env.update({"BALEKDUSUN_MODE": "demo", **env_extra})
    return subprocess.run([BIN, *args], env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("name, value", [("LOG_FORMAT", "xml"), ("METRICS_ALLOWED_IPS", "10.0.0.0/8,not-an-ip"),
                                         ("SENTRY_TRACES_SAMPLE_RATE", "lots")])
def test_bad_ops_settings_stop_the_start_naming_the_variable(name, value):
    proc = _run({name: value}, "check")
    assert proc.returncode == 2
    assert "configuration error" in proc.stderr and name in proc.stderr
    assert "Traceback" not in proc.stderr


SENTRY_PROBE = """
import django, sentry_sdk
django.setup()
options = sentry_sdk.get_client().options
from balekdusun.ops.sentry import scrub
print(options["dsn"], options["send_default_pii"], options["before_send"] is scrub, options["release"],
      options["max_request_body_size"], options["include_local_variables"])
"""


def test_sentry_starts_only_with_a_dsn_and_without_personal_data():
    env = {k: v for k, v in os.environ.items() if k != "SENTRY_DSN"}
    env.update(BALEKDUSUN_MODE="demo", DJANGO_SETTINGS_MODULE="balekdusun.settings",
               SENTRY_DSN="https://public@sentry.example.invalid/1")
    out = subprocess.run([sys.executable, "-c", SENTRY_PROBE], env=env, capture_output=True, text=True,
                         timeout=120, check=True).stdout.split()
    assert out == ["https://public@sentry.example.invalid/1", "False", "True", "balekdusun@0.2.0", "never", "False"]
    env.pop("SENTRY_DSN")
    out = subprocess.run([sys.executable, "-c", SENTRY_PROBE], env=env, capture_output=True, text=True,
                         timeout=120, check=True).stdout.split()
    assert out[0] == "None"
