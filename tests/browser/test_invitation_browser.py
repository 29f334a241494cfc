"""Browser journey of invitations, against a real SMTP server: the organiser imports registrants
from an Excel file and invites them; a participant opens the mailed link in a fresh browser,
marks a wish and sends a meeting request; the organiser runs the optimiser and publishes; the
participant's mail announces the agenda and the calendar subscription returns the meetings."""

from __future__ import annotations

import datetime as dt
import io
import re
import zoneinfo

import icalendar
import pytest
from django.utils import timezone
from openpyxl import Workbook

from maillage.events.models import Registration
from maillage.matchmaking.models import MeetingRequest, Participant, Wish
from maillage.matchmaking.services import reminders, sessions, wishes
from tests.browser.test_matchmaking_browser import sign_in
from tests.events.factories import ParkFactory, UserFactory
from tests.matchmaking.factories import ConventionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
INVITATION = re.compile(r"https?://\S+/invitation/\d+/\?sesame=\S+")


def spreadsheet(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(
        ["email", "first_name", "last_name", "organisation", "country", "participation_type"]
    )
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def plain(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def mails_to(smtp_server, address: str) -> list[str]:
    return [plain(m) for m in smtp_server.messages if m["To"] == address]


def test_imported_registrants_are_invited_sign_in_and_get_their_meetings(
    live_server, page, browser, smtp_server, settings, tmp_path
):
    settings.SITE_URL = live_server.url
    park = ParkFactory(name="Val d'Oise Technopole")
    staff = UserFactory(staff_of=[park])
    day = (timezone.now() + dt.timedelta(days=10)).astimezone(PARIS).date()
    start = dt.datetime.combine(day, dt.time(8, 30), tzinfo=PARIS)
    event = ConventionFactory(
        organisers=[park], starts_at=start, ends_at=start + dt.timedelta(hours=9)
    )
    session = sessions.create_session(
        event=event,
        name="One-to-one meetings",
        slot_minutes=20,
        days=[(day, dt.time(9), dt.time(11))],
        tables=4,
    )
    base = live_server.url

    # the organiser imports four registrants from an Excel file
    people = [
        ("lea@dualsun.example", "Léa", "Moreau", "DualSun", "FR", "sme"),
        ("bob@planktovie.example", "Bob", "Martin", "Planktovie", "FR", "startup"),
        ("cy@airbus.example", "Cy", "Durand", "Airbus", "FR", "large_group"),
        ("dee@fonds.example", "Dee", "Petit", "Fonds Seine", "FR", "investor"),
    ]
    sheet = tmp_path / "registrants.xlsx"
    sheet.write_bytes(spreadsheet(people))
    sign_in(page, base, staff, f"/events/{event.slug}/registrations/")
    page.get_by_text("Import registrants from a spreadsheet").click()
    page.set_input_files("input[name=file]", str(sheet))
    with page.expect_navigation():
        page.get_by_role("button", name="Import", exact=True).click()
    page.locator("#job-done").wait_for()  # the import runs on a worker; its page tells
    assert "4 registrants imported." in page.content()
    assert event.registrations.count() == 4
    page.goto(f"{base}/matchmaking/sessions/{session.pk}/setup/")
    page.get_by_role("button", name="Add every confirmed registrant").click()
    page.wait_for_url("**/setup/")

    # ... and invites them
    page.goto(f"{base}/events/{event.slug}/registrations/")
    assert "4 confirmed registrants have not been invited yet." in page.content()
    with page.expect_navigation():
        page.get_by_role("button", name="Invite them").click()
    assert "4 invitations are on their way." in page.content()
    smtp_server.wait_for(4, timeout=20)
    lea_mail = mails_to(smtp_server, "lea@dualsun.example")[0]
    link = INVITATION.search(lea_mail).group(0)
    assert link.startswith(base)

    # Léa opens her link in a fresh browser: signed in, on the participant hub
    context = browser.new_context(locale="en-GB")
    lea = context.new_page()
    lea.set_default_timeout(30_000)
    lea.goto(link)
    lea.wait_for_url(f"**/matchmaking/events/{event.slug}/mine/")
    assert "One-to-one meetings" in lea.content()
    me = Participant.objects.get(session=session, registration__person__email="lea@dualsun.example")
    bob = Participant.objects.get(
        session=session, registration__person__email="bob@planktovie.example"
    )
    assert me.registration.person.user.last_login is not None

    # she marks Bob as a must-meet and asks Cy for a meeting
    lea.goto(f"{base}/matchmaking/sessions/{session.pk}/wishes/")
    lea.locator(f"#wish-{bob.pk} button[value=must_meet]").click()
    lea.locator(f"#wish-{bob.pk} button[aria-pressed=true]").wait_for()
    assert Wish.objects.get(author=me, target=bob).level == "must_meet"
    cy = Participant.objects.get(session=session, registration__person__email="cy@airbus.example")
    with lea.expect_navigation():
        lea.locator(f"#wish-{cy.pk}").get_by_role("button", name="Ask for a meeting").click()
    assert MeetingRequest.objects.filter(sender=me, recipient=cy).exists()

    # the organiser sees that Léa opened her invitation, runs the optimiser and publishes
    others = list(Participant.objects.filter(session=session).exclude(pk=me.pk))
    for a in others:  # the others' wishes, through the service their wish page calls
        for b in others:
            if a != b:
                wishes.set_wish(author=a, target=b, level="would_like")
    page.goto(f"{base}/events/{event.slug}/registrations/")
    lea_row = page.locator(f"#registration-{me.registration_id}")
    assert "opened" in lea_row.inner_text()
    page.goto(f"{base}/matchmaking/sessions/{session.pk}/schedule/")
    page.fill("#id_time_limit", "3")
    with page.expect_navigation(timeout=90_000):
        page.locator("#run-optimiser").click()
    page.locator("#run-panel .run-status").wait_for()
    with page.expect_navigation(timeout=30_000):
        page.locator("#publish").click()
    assert session.schedules.filter(status="published").exists()

    # the evening before, the periodic reminder job mails Léa her agenda with her calendar link
    sent_before = len(mails_to(smtp_server, "lea@dualsun.example"))
    total_before = len(smtp_server.messages)
    evening_before = dt.datetime.combine(day - dt.timedelta(days=1), dt.time(18), tzinfo=PARIS)
    assert reminders.send_day_before_reminders(now=evening_before) >= 1
    smtp_server.wait_for(total_before + 1, timeout=20)
    reminder = mails_to(smtp_server, "lea@dualsun.example")[sent_before:]
    assert reminder and "agenda" in reminder[-1].lower()
    ics_links = re.findall(r"https?://\S+\.ics", reminder[-1])
    assert ics_links
    feed = lea.request.get(ics_links[0])
    assert feed.status == 200 and feed.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(feed.body())
    events = calendar.walk("VEVENT")
    assert events and all(str(e["uid"]).startswith("meeting-") for e in events)
    assert Registration.objects.get(pk=me.registration_id).invitation.opened_at is not None
    context.close()
