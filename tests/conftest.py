import os
from pathlib import Path

import pytest
from django.utils import translation

from tests.smtp_server import LocalSMTPServer

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BENCHMARKS = SHARED / "benchmarks" / "b2b-jair2022"


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A request in French (LocaleMiddleware activates the language in the test's thread and
    nothing resets it) must not leave the next tests in French."""
    yield
    translation.deactivate()


@pytest.fixture
def jair_dir():
    if not BENCHMARKS.is_dir():
        pytest.skip(
            f"benchmark data not found at {BENCHMARKS} (../shared is absent in this checkout)"
        )
    return BENCHMARKS


def chromium_path() -> str | None:
    path = os.environ.get("MAILLAGE_CHROMIUM", "/usr/bin/chromium")
    return path if os.path.exists(path) else None


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on a free port of 127.0.0.1 for this test, with Django's
    e-mail settings pointed at it. ``.messages``, ``.wait_for(n, timeout=5)``, ``.stop()`` and
    ``.start()`` (same port: an outage), ``.url`` (smtp://127.0.0.1:PORT)."""
    server = LocalSMTPServer().start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = server.host, server.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()


@pytest.fixture
def run_job(client, django_capture_on_commit_callbacks):
    """POST to a page that starts a background job, run the job (the test backend runs tasks
    when enqueued, once the transaction commits) and return the job's page."""

    def post(url, data=None, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data or {}, **extra)
        assert response.status_code == 302, response.content[:500]
        assert response["Location"].startswith("/jobs/"), response["Location"]
        return client.get(response["Location"])

    return post
