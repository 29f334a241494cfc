"""email_url: every documented form, a clear sentence for a wrong one, and the commands that
use it (check, sendtestemail) against a real SMTP server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from maillage import config
from maillage.mail.email_url import EmailUrlError, parse

ROOT = Path(__file__).resolve().parents[2]
SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("smtp://127.0.0.1:2525", {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": 2525, "EMAIL_USE_TLS": False, "EMAIL_USE_SSL": False}),
        ("smtp://relay.example", {"EMAIL_PORT": 25}),
        ("smtp+tls://u%40park.example:s3cret@mail.example:587", {"EMAIL_HOST_USER": "u@park.example", "EMAIL_HOST_PASSWORD": "s3cret", "EMAIL_USE_TLS": True, "EMAIL_USE_SSL": False}),
        ("submission://u:p@mail.example", {"EMAIL_PORT": 587, "EMAIL_USE_TLS": True}),
        ("smtps://u:p@mail.example", {"EMAIL_PORT": 465, "EMAIL_USE_SSL": True, "EMAIL_USE_TLS": False}),
        ("smtp://h?timeout=3", {"EMAIL_TIMEOUT": 3}),
        ("smtp://h", {"EMAIL_TIMEOUT": 10}),
    ],
)  # fmt: skip
def test_smtp_forms(url, expected):
    conf = parse(url)
    assert conf["EMAIL_BACKEND"] == SMTP
    assert {k: conf[k] for k in expected} == expected


def test_console_and_file_forms():
    assert parse("console://")["EMAIL_BACKEND"].endswith("console.EmailBackend")
    conf = parse("file:///var/lib/maillage/mails")
    assert conf["EMAIL_BACKEND"].endswith("filebased.EmailBackend")
    assert conf["EMAIL_FILE_PATH"] == "/var/lib/maillage/mails"


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("postgres://db/maillage", "unknown scheme 'postgres'"),
        ("smtp://", "no host"),
        ("smtp://mail.example:abc", "port is not a number"),
        ("file://", "no folder"),
        ("smtp://h?timeout=soon", "whole number of seconds"),
    ],
)
def test_a_wrong_url_says_what_to_fix(url, words):
    with pytest.raises(EmailUrlError, match=words):
        parse(url)


def test_the_password_is_not_repeated_in_the_error():
    with pytest.raises(EmailUrlError) as error:
        parse("smpt://u:topsecret@mail.example")
    assert "topsecret" not in str(error.value) and "***" in str(error.value)


def test_retry_settings_are_whole_numbers():
    assert config.load({"MAILLAGE_MAIL_MAX_ATTEMPTS": "5"})["mail_max_attempts"] == 5
    with pytest.raises(config.ConfigError, match="MAILLAGE_MAIL_MAX_ATTEMPTS: expected a whole"):
        config.load({"MAILLAGE_MAIL_MAX_ATTEMPTS": "many"})


def _manage(*args, email_url):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAILLAGE_", "PYTEST"))}
    env.update(MAILLAGE_DEBUG="true", MAILLAGE_EMAIL_URL=email_url)
    env["PYTHONPATH"] = str(ROOT / "src")
    return subprocess.run(
        [sys.executable, "-m", "maillage", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.mark.slow
def test_check_and_sendtestemail_with_an_smtp_url(smtp_server):
    checked = _manage("check", email_url=smtp_server.url)
    assert checked.returncode == 0, checked.stderr
    sent = _manage("sendtestemail", "ada@example.org", email_url=smtp_server.url)
    assert sent.returncode == 0, sent.stderr
    [message] = smtp_server.wait_for(1)
    assert message["To"] == "ada@example.org"
    assert "Test email" in message["Subject"]


@pytest.mark.slow
def test_a_wrong_url_stops_the_start_with_the_sentence():
    done = _manage("check", email_url="postgres://db/maillage")
    assert done.returncode != 0
    assert "email_url 'postgres://db/maillage': unknown scheme 'postgres'" in done.stderr
