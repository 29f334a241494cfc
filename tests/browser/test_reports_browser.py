"""Browser journey of the yearly report: a park's staff member opens the reports dashboard, goes
to the yearly report, writes an introduction, generates the PDF and downloads it."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.ecosystem.factories import PASSWORD
from tests.reports.yearly.known_year import YEAR, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world()


def test_staff_writes_an_introduction_and_downloads_the_yearly_pdf(live_server, page, world):
    page.goto(f"{live_server.url}/accounts/login/?next=/reports/")
    page.fill("input[name=username]", world.staff.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("#login-form button[type=submit]").click()
    page.wait_for_url("**/reports/")
    assert "Technopôle de Château-Gombert" in page.locator("h1").inner_text()

    page.get_by_role("link", name="Yearly reports").click()
    page.wait_for_url("**/reports/yearly/?organisation=*")
    assert page.locator("#id_organisation").input_value() == str(world.park.pk)  # as on screen
    page.fill("#id_year", str(YEAR))
    page.select_option("#id_language", "en")
    page.get_by_role("button", name="Open the report").click()

    page.wait_for_url("**/edit/")
    page.fill("#id_introduction", "Our first business convention brought 4 leaders together.")
    page.fill("#id_partnerships_text", "Chengdu became our sister park.")
    page.get_by_role("button", name="Save and preview").click()

    page.wait_for_selector("#yearly-document")
    document = page.locator("#yearly-document").inner_text()
    assert "Our first business convention brought 4 leaders together." in document
    assert "Sister Parks" in document and "1 agreement signed" in document

    page.locator("#generate-pdf").click()
    page.wait_for_selector("#download-pdf")
    with page.expect_download() as download:
        page.locator("#download-pdf").click()
    assert download.value.suggested_filename.endswith(f"-{YEAR}-en.pdf")
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "Our first business convention brought 4 leaders together." in text
    assert "Chengdu became our sister park." in text
    assert f"Yearly report {YEAR}" in text and "Sister Parks" in text
