"""Browser journeys: Playwright (sync API) driving Debian's Chromium against pytest-django's
live_server, which also serves the static files (django.contrib.staticfiles is installed)."""

import os

import pytest

from tests.conftest import chromium_path

# The Playwright sync API runs an event loop in the test thread; Django's ORM refuses to run
# inside one unless told that this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        pytest.skip(
            "Chromium not found at /usr/bin/chromium (set MAILLAGE_CHROMIUM): browser tests skipped"
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    # Nothing leaves the machine: map tiles and any other outside request are refused at once,
    # so the tests do not depend on (or wait for) the network.
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("http://localhost", "http://127.0.0.1"))
            else route.abort()
        ),
    )
    page = context.new_page()
    # generous: the machine that runs the suite may be shared and busy
    page.set_default_timeout(30_000)
    yield page
    context.close()
