"""``python -m maillage serve --production`` for real: gunicorn's web workers, the task workers
and the scheduler start on a fresh database; static files come from WhiteNoise, and the health
check turns green once every queue's worker has run its heartbeat."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.smtp_server import free_port

pytestmark = pytest.mark.slow


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_the_production_server_serves_pages_static_files_and_health(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAILLAGE_", "DJANGO_"))}
    env |= {
        "MAILLAGE_DATA_DIR": str(tmp_path),
        "MAILLAGE_SECRET_KEY": "a-production-secret-key-for-this-test-only-0123456789",
        "MAILLAGE_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    manage = [sys.executable, "-m", "maillage"]
    subprocess.run([*manage, "migrate", "--no-input"], env=env, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [*manage, "serve", "--production", "--web-workers", "2", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        health = None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                status, body = _get(f"{base}/health/")
            except OSError:  # not listening yet
                time.sleep(0.5)
                continue
            health = json.loads(body)
            if status == 200:
                break
            time.sleep(1)
        assert health is not None, "the production server never answered"
        assert health["status"] == "ok", health
        status, page = _get(f"{base}/directory/")
        assert status == 200 and b"<html" in page
        status, _ = _get(f"{base}/static/core/favicon.svg")
        assert status == 200
    finally:
        os.killpg(server.pid, signal.SIGINT)
        output = server.communicate(timeout=30)[0].decode()
    assert "gunicorn, 2 web workers" in output
    assert "Booting worker" in output
