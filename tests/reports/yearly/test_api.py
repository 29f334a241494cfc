"""The yearly report through the API: opened, written, generated (a worker's job: the state is
polled), downloaded — under the pages' rules."""

from __future__ import annotations

import io
import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from maillage.accounts.models import ApiToken
from maillage.reports.models import GenerationState, ReportStatus, YearlyReport
from tests.ecosystem.factories import OrganisationFactory
from tests.reports.yearly.known_year import YEAR

BASE = "/api/v1/reports/yearly"


def bearer(user) -> dict:
    _obj, token = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def send(client, method, url, data, user=None):
    headers = bearer(user) if user else {}
    return getattr(client, method)(
        url, json.dumps(data), content_type="application/json", **headers
    )


def test_staff_open_a_report_and_get_the_same_one_again(client, world):
    data = {"organisation": world.park.pk, "year": YEAR, "language": "fr"}
    r = send(client, "post", BASE, data, world.staff)
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["organisation"] == world.park.pk and body["status"] == "draft"
    again = send(client, "post", BASE, data, world.staff)
    assert again.json()["id"] == body["id"]
    assert YearlyReport.objects.count() == 1
    listed = client.get(BASE, **bearer(world.staff)).json()
    assert [r["id"] for r in listed] == [body["id"]]


@pytest.mark.parametrize(
    "data, field",
    [
        ({"organisation": 2_000_000_000, "year": YEAR}, "organisation"),
        ({"organisation": "other_park", "year": YEAR}, "organisation"),
        ({"organisation": "park", "year": 1990}, None),
        ({"organisation": "park", "year": YEAR, "language": "de"}, "language"),
    ],
)
def test_opening_a_report_checks_the_request(client, world, data, field):
    other = OrganisationFactory(kind="park", name="Other park")
    data = {**data}
    data["organisation"] = {"park": world.park.pk, "other_park": other.pk}.get(
        data["organisation"], data["organisation"]
    )
    r = send(client, "post", BASE, data, world.staff)
    assert r.status_code == 422
    if field:
        assert r.json()["errors"][0]["loc"][-1] == field
    else:
        assert "Choose a year between" in r.json()["detail"]
    assert not YearlyReport.objects.exists()


def test_strangers_may_not_open_a_report(client, world):
    data = {"organisation": world.park.pk, "year": YEAR}
    assert send(client, "post", BASE, data).status_code == 401
    assert send(client, "post", BASE, data, world.participant).status_code == 403
    assert send(client, "post", BASE, data, world.other_staff).status_code == 422
    assert not YearlyReport.objects.exists()


def test_staff_write_paragraphs_and_the_report_is_a_draft_again(client, world, report):
    YearlyReport.objects.filter(pk=report.pk).update(status=ReportStatus.GENERATED)
    url = f"{BASE}/{report.pk}"
    r = send(client, "patch", url, {"events_text": "Our first convention."}, world.staff)
    assert r.status_code == 200, r.content
    assert r.json()["events_text"] == "Our first convention."
    assert r.json()["status"] == "draft"
    fresh = YearlyReport.objects.get(pk=report.pk)
    assert fresh.partnerships_text.startswith("The twinning")  # not sent, kept
    r = send(client, "patch", url, {"introduction": "x" * 5001}, world.staff)
    assert r.status_code == 422
    assert YearlyReport.objects.get(pk=report.pk).introduction.startswith("2025 was")


def test_others_neither_read_nor_write_a_report(client, world, report):
    url = f"{BASE}/{report.pk}"
    for user in (world.other_staff, world.participant):
        assert client.get(url, **bearer(user)).status_code == 404
        assert send(client, "patch", url, {"introduction": "Hacked"}, user).status_code == 404
        assert client.post(f"{url}/generate", **bearer(user)).status_code == 404
    assert client.get(url).status_code == 401
    assert client.get(BASE, **bearer(world.other_staff)).json() == []
    assert YearlyReport.objects.get(pk=report.pk).introduction.startswith("2025 was")


def test_generation_is_queued_once_and_polled(client, world, report):
    url = f"{BASE}/{report.pk}"
    r = client.post(f"{url}/generate", **bearer(world.staff))
    assert r.status_code == 202, r.content
    assert r.json()["generation"] == GenerationState.QUEUED and r.json()["has_pdf"] is False
    r = client.post(f"{url}/generate", **bearer(world.staff))
    assert r.status_code == 409 and "already being generated" in r.json()["detail"]
    state = client.get(f"{url}/generation", **bearer(world.staff)).json()
    assert state["generation"] == "queued" and state["generation_requested_at"]


def test_the_pdf_is_downloaded_once_generated(client, world, report):
    url = f"{BASE}/{report.pk}/pdf"
    r = client.get(url, **bearer(world.staff))
    assert r.status_code == 404 and "No PDF has been generated" in r.json()["detail"]
    report.pdf.save("report.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    r = client.get(url, **bearer(world.staff))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert b"".join(r.streaming_content).startswith(b"%PDF")
    assert f"{world.park.slug}-{YEAR}-en.pdf" in r["Content-Disposition"]
    assert client.get(url, **bearer(world.other_staff)).status_code == 404


def _image(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (13, 110, 253)).save(buffer, format=fmt)
    return buffer.getvalue()


def test_staff_upload_and_remove_the_logo(client, world, report):
    url = f"{BASE}/{report.pk}/logo"
    logo = SimpleUploadedFile("logo.png", _image("PNG"), content_type="image/png")
    r = client.post(url, {"file": logo}, **bearer(world.staff))
    assert r.status_code == 200, r.content
    assert r.json()["has_logo"] is True
    name = YearlyReport.objects.get(pk=report.pk).logo.name
    r = client.delete(url, **bearer(world.staff))
    assert r.status_code == 200 and r.json()["has_logo"] is False
    assert not YearlyReport.objects.get(pk=report.pk).logo
    assert not report.logo.storage.exists(name)


def test_a_logo_must_be_a_png_or_jpeg_image(client, world, report):
    url = f"{BASE}/{report.pk}/logo"
    for name, content in [("logo.gif", _image("GIF")), ("logo.png", b"not an image")]:
        r = client.post(url, {"file": SimpleUploadedFile(name, content)}, **bearer(world.staff))
        assert r.status_code == 422 and "PNG or JPEG" in r.json()["detail"]
        assert r.json()["errors"][0]["loc"] == ["body", "logo"]
    logo = SimpleUploadedFile("logo.png", _image("PNG"), content_type="image/png")
    assert client.post(url, {"file": logo}, **bearer(world.other_staff)).status_code == 404
    assert client.delete(url).status_code == 401
    assert not YearlyReport.objects.get(pk=report.pk).logo


@pytest.mark.usefixtures("compiled_catalogues_reports")
def test_refusals_are_said_in_the_callers_language(client, world):
    data = {"organisation": world.park.pk, "year": YEAR}
    r = client.post(
        BASE,
        json.dumps(data),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="fr",
        **bearer(world.participant),
    )
    assert r.status_code == 403
    assert r.json()["detail"].startswith("Les rapports annuels sont rédigés")
