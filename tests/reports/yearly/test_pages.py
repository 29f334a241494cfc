"""Yearly report pages: open a report, write paragraphs, preview the figures; who may do what;
what bad input says."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from maillage.reports.models import ReportStatus, YearlyReport
from tests.ecosystem.factories import NetworkFactory, OrganisationFactory, UserFactory
from tests.reports.yearly.known_year import YEAR

pytestmark = pytest.mark.django_db


def test_staff_opens_a_report_writes_paragraphs_and_previews_the_year(client, world):
    client.force_login(world.staff)
    page = client.get(reverse("reports:yearly_list")).content.decode()
    assert "Open the report" in page and "Technopôle de Château-Gombert" in page

    response = client.post(
        reverse("reports:yearly_start"),
        {"organisation": world.park.pk, "year": YEAR, "language": "en"},
    )
    report = YearlyReport.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("reports:yearly_edit", args=[report.pk])
    # opening the same report again finds it instead of making a second one
    client.post(
        reverse("reports:yearly_start"),
        {"organisation": world.park.pk, "year": YEAR, "language": "en"},
    )
    assert YearlyReport.objects.count() == 1

    response = client.post(
        reverse("reports:yearly_edit", args=[report.pk]),
        {
            "introduction": "First line of our year.\n\nSecond <b>paragraph</b>.",
            "events_text": "Our convention brought leaders together.",
        },
    )
    assert response.status_code == 302 and response.url == report.get_absolute_url()
    report.refresh_from_db()
    assert report.edited_by == world.staff and report.edited_at is not None
    assert report.status == ReportStatus.DRAFT

    page = client.get(report.get_absolute_url()).content.decode()
    # the staff text, as paragraphs, with markup escaped rather than interpreted
    assert "<p>First line of our year.</p>" in page
    assert "<p>Second &lt;b&gt;paragraph&lt;/b&gt;.</p>" in page
    assert "Our convention brought leaders together." in page
    # the figures of the year and the lists
    assert "Yearly report 2025" in page
    assert "1 event held" in page and "4 participants" in page
    assert "B2B meetings: 0 requested, 2 scheduled, 2 held" in page
    assert "1 event of others attended (trade shows, conferences); delegates: 2" in page
    assert "1 agreement signed" in page and "Sister Parks" in page
    assert "1 delegation received" in page and "1 mission abroad" in page
    assert "Chengdu delegation visits Marseille" in page and "Mission to Kawasaki" in page
    assert "Convention d&#x27;affaires 2025" in page
    assert "2 organisations added to the directory" in page
    # 2024 had only a lunch with one participant: the events of the previous year stay out
    assert "12/14 de Château-Gombert" not in page
    assert "Generate the PDF" in page


def test_key_figures_compare_with_the_previous_year(client, world, report):
    client.force_login(world.staff)
    page = client.get(report.get_absolute_url()).content.decode()
    participants = page.split('data-figure="participants"')[1].split("</tr>")[0]
    # 4 participants in 2025 against 1 in 2024: up by 300 %
    assert ">4<" in participants and ">1<" in participants and "↑ +300 %" in participants
    signed = page.split('data-figure="agreements_signed"')[1].split("</tr>")[0]
    assert "↑ new" in signed


def test_report_language_does_not_follow_the_page_language(
    client, world, compiled_catalogues_reports
):
    from maillage.reports.yearly import services as yearly

    report = yearly.start_report(organisation=world.park, year=YEAR, language="fr")
    yearly.save_paragraphs(report=report, user=world.staff, introduction="Une année riche.")
    client.force_login(world.staff)
    page = client.get(report.get_absolute_url(), headers={"Accept-Language": "en"})
    text = page.content.decode()
    assert "Rapport annuel 2025" in text and "Chiffres clés 2025" in text
    assert "1 accord signé" in text and "Une année riche." in text
    assert "Generate the PDF" in text  # the page itself stays in English


def test_network_staff_read_their_members_reports_but_do_not_write_them(client, world, report):
    network = NetworkFactory(name="Club des technopoles")
    from maillage.ecosystem.models import Membership

    Membership.objects.create(network=network, member=world.park)
    reader = UserFactory(staff_of=[network])
    client.force_login(reader)
    assert client.get(report.get_absolute_url()).status_code == 200
    assert client.get(reverse("reports:yearly_edit", args=[report.pk])).status_code == 403
    response = client.post(reverse("reports:yearly_generate", args=[report.pk]))
    assert response.status_code == 403
    listed = client.get(reverse("reports:yearly_list")).content.decode()
    assert report.get_absolute_url() in listed


@pytest.mark.parametrize("who", ["other_staff", "participant"])
def test_strangers_see_no_report(client, world, report, who):
    client.force_login(getattr(world, who))
    for name in ("yearly_detail", "yearly_edit", "yearly_pdf", "yearly_status"):
        assert client.get(reverse(f"reports:{name}", args=[report.pk])).status_code == 404
    assert client.post(reverse("reports:yearly_generate", args=[report.pk])).status_code == 404
    listed = client.get(reverse("reports:yearly_list")).content.decode()
    assert report.get_absolute_url() not in listed
    report.refresh_from_db()
    assert report.generation == ""


def test_participant_may_not_start_a_report(client, world):
    client.force_login(world.participant)
    assert "Open the report" not in client.get(reverse("reports:yearly_list")).content.decode()
    response = client.post(
        reverse("reports:yearly_start"),
        {"organisation": world.park.pk, "year": YEAR, "language": "en"},
    )
    assert response.status_code == 403 and not YearlyReport.objects.exists()


def test_visitors_are_sent_to_sign_in(client, world, report):
    response = client.get(report.get_absolute_url())
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_platform_admin_reads_and_writes_any_report(client, world, report):
    client.force_login(world.admin)
    assert client.get(report.get_absolute_url()).status_code == 200
    response = client.post(
        reverse("reports:yearly_edit", args=[report.pk]), {"introduction": "By the admin."}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.introduction == "By the admin." and report.edited_by == world.admin


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"year": 1999}, "Choose a year between 2000 and"),
        ({"year": timezone.localdate().year + 1}, "Choose a year between 2000 and"),
        ({"year": "last year"}, "The year is a number such as 2025."),
        ({"organisation": 999_999}, "Choose a park or network you work for."),
        ({"organisation": "other_park"}, "Choose a park or network you work for."),
        ({"organisation": "company"}, "Choose a park or network you work for."),
        ({"language": "de"}, "Select a valid choice"),
    ],
)
def test_bad_input_is_refused_with_a_sentence(client, world, data, message):
    company = OrganisationFactory(name="Planktovie bis", host_park=world.park)
    world.staff.staff_of.add(company)  # staff of a company still has no report to write for it
    other_park = world.other_staff.staff_of.get()
    values = {"organisation": world.park.pk, "year": YEAR, "language": "en", **data}
    if values["organisation"] == "other_park":
        values["organisation"] = other_park.pk
    if values["organisation"] == "company":
        values["organisation"] = company.pk
    client.force_login(world.staff)
    response = client.post(reverse("reports:yearly_start"), values)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not YearlyReport.objects.exists()


def test_unknown_report_is_404(client, world):
    client.force_login(world.admin)
    assert client.get(reverse("reports:yearly_detail", args=[424242])).status_code == 404


def test_too_long_paragraph_is_refused(client, world, report):
    client.force_login(world.staff)
    response = client.post(
        reverse("reports:yearly_edit", args=[report.pk]), {"introduction": "x" * 5001}
    )
    assert response.status_code == 200
    assert "5000 characters" in response.content.decode()
    report.refresh_from_db()
    assert report.introduction.startswith("2025 was the year")


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (13, 110, 253)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_logo_is_printed_on_the_cover_and_may_be_removed(client, world, report):
    client.force_login(world.staff)
    logo = SimpleUploadedFile("logo.png", _png(), content_type="image/png")
    response = client.post(
        reverse("reports:yearly_edit", args=[report.pk]),
        {"introduction": report.introduction, "logo": logo},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.logo and report.logo.storage.exists(report.logo.name)
    page = client.get(report.get_absolute_url()).content.decode()
    assert 'class="yr-logo" src="data:image/png;base64,' in page

    stored = report.logo.name
    client.post(
        reverse("reports:yearly_edit", args=[report.pk]),
        {"introduction": report.introduction, "clear_logo": "on"},
    )
    report.refresh_from_db()
    assert not report.logo and not report.logo.storage.exists(stored)


def test_a_logo_that_is_not_an_image_is_refused(client, world, report):
    client.force_login(world.staff)
    fake = SimpleUploadedFile("logo.png", b"%PDF-1.7 not an image", content_type="image/png")
    response = client.post(
        reverse("reports:yearly_edit", args=[report.pk]),
        {"introduction": report.introduction, "logo": fake},
    )
    assert response.status_code == 200
    assert "Upload a valid image" in response.content.decode()
    report.refresh_from_db()
    assert not report.logo


def test_platform_admin_sees_the_report_in_the_django_admin(client, world, report):
    client.force_login(world.admin)
    listing = client.get(reverse("admin:reports_yearlyreport_changelist")).content.decode()
    assert "Technopôle de Château-Gombert" in listing
    page = client.get(reverse("admin:reports_yearlyreport_change", args=[report.pk]))
    assert page.status_code == 200 and "2025 was the year" in page.content.decode()
