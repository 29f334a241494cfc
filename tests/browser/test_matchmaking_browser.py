"""Browser journeys of a business convention: the organiser's and a participant's."""

from __future__ import annotations

import datetime as dt
import io
import zoneinfo
from pathlib import Path

import icalendar
import pytest
from django.utils import timezone
from openpyxl import Workbook
from pypdf import PdfReader

from maillage.events.models import Event
from maillage.matchmaking.models import MeetingSession, Participant
from maillage.matchmaking.scheduling import release
from maillage.matchmaking.services import marketplace, requests, sessions, wishes
from tests.events.factories import PASSWORD, ParkFactory, UserFactory
from tests.matchmaking.published import make_session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def sign_in(page, base: str, user, next_url: str) -> None:
    page.goto(f"{base}/accounts/login/?next={next_url}")
    page.fill("input[name=username]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("#login-form button[type=submit]").click()
    page.wait_for_url(f"**{next_url}")


def spreadsheet(n: int) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(
        [
            "email",
            "first_name",
            "last_name",
            "organisation",
            "country",
            "job_title",
            "participation_type",
        ]
    )
    kinds = ["sme", "startup", "large_group", "investor", "school"]
    for i in range(n):
        sheet.append(
            [
                f"leader{i}@company{i}.example",
                f"Léa{i}",
                f"Martin{i}",
                f"Company {i}",
                "FR",
                "CEO",
                kinds[i % len(kinds)],
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_organiser_runs_a_convention_end_to_end(live_server, page, tmp_path):
    park = ParkFactory(name="Val d'Oise Technopole")
    staff = UserFactory(staff_of=[park])
    base = live_server.url
    sign_in(page, base, staff, "/events/new/")

    # the event
    day = (timezone.now() + dt.timedelta(days=20)).astimezone(PARIS).date()
    page.fill("#id_title", "Axe Seine business convention")
    page.select_option("#id_kind", "business_convention")
    page.select_option("#id_organisers", str(park.pk))
    page.fill("#id_venue_name", "Aéropole")
    page.fill("#id_city", "Cergy")
    page.fill("#id_starts_at", f"{day.isoformat()}T08:30")
    page.fill("#id_ends_at", f"{day.isoformat()}T18:00")
    page.locator("#main form button[type=submit]").last.click()
    page.wait_for_url("**/events/axe-seine-business-convention/")
    event = Event.objects.get(slug="axe-seine-business-convention")

    # its meeting session, open for wishes, one day of 20-minute slots and 35 tables
    page.goto(f"{base}/matchmaking/events/{event.slug}/sessions/")
    page.fill("#id_name", "One-to-one meetings")
    page.select_option("#id_slot_minutes", "20")
    page.fill("#id_wish_deadline", f"{(day - dt.timedelta(days=2)).isoformat()}T18:00")
    page.get_by_role("button", name="Create the session").click()
    page.wait_for_url("**/setup/")
    session = MeetingSession.objects.get(event=event)
    page.fill("#id_day-date", day.isoformat())
    page.fill("#id_day-starts_at", "09:00")
    page.fill("#id_day-ends_at", "12:20")
    page.get_by_role("button", name="Add the day").click()
    page.wait_for_url("**/setup/")
    page.fill("#id_tables-count", "35")
    page.get_by_role("button", name="Set", exact=True).click()
    page.wait_for_url("**/setup/")
    assert session.slots.count() == 10 and session.tables.count() == 35

    # 70 participants from an Excel file, all or nothing
    sheet = tmp_path / "participants.xlsx"
    sheet.write_bytes(spreadsheet(70))
    page.goto(f"{base}/events/{event.slug}/registrations/")
    page.get_by_text("Import registrants from a spreadsheet").click()
    page.set_input_files("input[name=file]", str(sheet))
    with page.expect_navigation():
        page.get_by_role("button", name="Import", exact=True).click()
    page.locator("#job-done").wait_for()
    assert event.registrations.count() == 70
    page.goto(f"{base}/matchmaking/sessions/{session.pk}/setup/")
    page.get_by_role("button", name="Add every confirmed registrant").click()
    page.wait_for_url("**/setup/")
    people = list(Participant.objects.filter(session=session).order_by("id"))
    assert len(people) == 70

    # the participants mark their wishes (through the service the wish page calls)
    for i, author in enumerate(people):
        for k in (1, 2, 3, 5, 8):
            wishes.set_wish(author=author, target=people[(i + k) % 70], level="would_like")

    # the optimiser, then publication
    page.goto(f"{base}/matchmaking/sessions/{session.pk}/schedule/")
    page.fill("#id_time_limit", "5")
    with page.expect_navigation(timeout=90_000):  # the test task backend runs it at once
        page.locator("#run-optimiser").click()
    page.locator("#run-panel .run-status").wait_for()
    assert session.schedules.get(status="draft").meetings.count() > 200
    with page.expect_navigation(timeout=30_000):
        page.locator("#publish").click()
    assert session.schedules.filter(status="published").exists()

    # everyone's agenda in one PDF, a page each, made on a worker
    with page.expect_navigation(timeout=90_000):
        page.locator("#all-agendas-pdf").click()
    page.locator("#job-download").wait_for(timeout=90_000)
    with page.expect_download() as download:
        page.locator("#job-download").click()
    assert download.value.suggested_filename.endswith("-agendas.pdf")
    pdf = Path(download.value.path()).read_bytes()
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 70


def test_participant_registers_publishes_requests_accepts_and_gets_the_calendar(live_server, page):
    world = make_session(people=2, slots_per_day=6, tables=3)
    event, session = world.event, world.session
    bob, cy = world.participants
    marketplace.publish_opportunity(
        participant=bob,
        kind="request",
        category="product",
        title="Optical sensors for water quality",
    )
    user = UserFactory(email="zoe@dualsun.example", first_name="Zoé", last_name="Moreau")
    base = live_server.url
    sign_in(page, base, user, f"/events/{event.slug}/register/")

    # register to the event (the organisers then add registrants to the meeting session)
    page.fill("#id_email", user.email)
    page.fill("#id_first_name", "Zoé")
    page.fill("#id_last_name", "Moreau")
    page.fill("#id_organisation_name", "DualSun")
    page.select_option("#id_country", "FR")
    page.select_option("#id_participation_type", "sme")
    page.get_by_role("button", name="Register").click()
    page.wait_for_load_state()
    registration = event.registrations.get(person__email=user.email)
    me = sessions.add_participant(session=session, registration=registration)

    # publish an offer on the marketplace
    page.goto(f"{base}/matchmaking/events/{event.slug}/marketplace/")
    page.get_by_role("link", name="Publish an offer or a request").click()
    page.select_option("#id_kind", "offer")
    page.select_option("#id_category", "product")
    page.fill("#id_title", "Capteurs optiques pour la qualité de l'eau")
    page.fill("#id_description", "Des capteurs optiques qui mesurent la turbidité.")
    page.locator("#opportunity-form button[type=submit]").click()
    page.wait_for_url("**/marketplace/mine/")
    assert "Capteurs optiques" in page.locator(".my-opportunity").first.inner_text()

    # the recommendations propose Bob (my offer answers his request): send him a request
    page.goto(f"{base}/matchmaking/sessions/{session.pk}/recommendations/")
    card = page.locator(f".recommendation[data-participant='{bob.pk}']")
    assert "answers their request" in card.inner_text()
    card.locator("input[name=message]").fill("Our sensors measure turbidity.")
    card.get_by_role("button", name="Request a meeting").click()
    page.wait_for_url("**/requests/")
    assert me.sent_requests.get().recipient == bob

    # Cy asked me for a meeting: accept it
    requests.send_request(sender=cy, recipient=me, message="Shall we talk about solar?")
    page.reload()
    page.get_by_role("button", name="Accept").click()
    page.wait_for_load_state()

    # once published, the agenda shows the meeting, and the calendar file has it
    release.publish(session=session)
    page.goto(f"{base}/matchmaking/sessions/{session.pk}/agenda/")
    meetings = page.locator(".agenda-meeting")
    assert meetings.count() == 1 and "First1 Last1" in meetings.first.inner_text()
    with page.expect_download() as download:
        page.locator("#download-ics").click()
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == 1 and "First1 Last1" in str(events[0]["summary"])
    assert str(events[0]["uid"]).startswith("meeting-")
