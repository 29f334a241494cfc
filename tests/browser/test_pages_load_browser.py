"""Every file a page asks for exists: the home page and the main public pages load without a
single answer of 400 or more and without an error in the browser console."""

import pytest

from tests.ecosystem.factories import ParkFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("path", ["/", "/directory/", "/events/", "/accounts/login/"])
def test_the_page_requests_no_missing_file(live_server, page, path):
    ParkFactory(name="Génopole", latitude=48.62, longitude=2.43)
    failed, errors = [], []
    page.on(
        "response",
        lambda r: (
            failed.append(f"{r.status} {r.url}")
            if r.status >= 400 and r.url.startswith(live_server.url)
            else None
        ),
    )
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}{path}")
    page.wait_for_load_state("networkidle")
    assert failed == []
    # Outside requests (map tiles) are refused by the test's router; their console lines
    # name the refused address, and only those are allowed.
    assert [e for e in errors if "net::ERR_FAILED" not in e] == []
