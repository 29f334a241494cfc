"""Browser journey of the reports dashboard: a park's staff member sees the year's key figures,
the charts drawn by vega-embed and the map of countries reached, switches to another year
(htmx swaps the report in and the address follows), and downloads a chart's data as CSV."""

import pytest
from playwright.sync_api import expect

from tests.ecosystem.factories import PASSWORD
from tests.reports import dataset

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world():
    return dataset.build()


def test_dashboard_charts_map_year_switch_and_csv(live_server, page, world):
    page.goto(f"{live_server.url}/accounts/login/?next=/reports/%3Fyear%3D2025")
    page.fill("input[name=username]", world.staff.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/reports/?year=2025")
    assert page.locator('[data-kpi="events_held"]').inner_text() == "3"
    assert page.locator('[data-kpi="agreements_signed"]').inner_text() == "2"
    # Charts with data are drawn as SVG; the map has a marker per country reached (5).
    # (vega-embed and Leaflet draw after the page has loaded: wait for them, then count)
    page.wait_for_function("document.querySelectorAll('.report-chart svg').length >= 5")
    expect(page.locator("#countries-map path.leaflet-interactive")).to_have_count(5)

    page.evaluate("window.sameDocument = true")  # gone if the page were reloaded
    page.select_option("#report-year", "2026")
    page.click("#report-page form button[type=submit]")
    page.wait_for_url("**year=2026**")
    page.wait_for_function(
        "document.querySelector('[data-kpi=\"events_held\"]').textContent.trim() === '1'"
    )
    assert "Figures for 2026, compared with 2025." in page.inner_text("#report-page")
    assert page.evaluate("window.sameDocument === true")  # htmx swapped the report in
    page.wait_for_selector(".report-chart svg")

    page.select_option("#report-year", "2025")
    page.click("#report-page form button[type=submit]")
    page.wait_for_url("**year=2025**")
    with page.expect_download() as info:
        page.click('a[href*="/csv/meetings/"]')
    download = info.value
    assert download.suggested_filename.endswith("-meetings-2025-01-01-2025-12-31.csv")
    with open(download.path(), encoding="utf-8") as csv_file:
        content = csv_file.read().splitlines()
    assert content == ["Meeting stage,Meetings", "Requested,3", "Scheduled,3", "Held,2"]
