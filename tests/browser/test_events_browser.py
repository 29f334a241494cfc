"""Browser journey of events: a visitor finds an event in the calendar, registers and sees the
confirmation; a staff member of the organising park signs in and checks them in."""

import pytest
from django.core import mail

from maillage.events.enums import RegistrationStatus
from maillage.events.models import Registration
from tests.events.factories import PASSWORD, EventFactory, ParkFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def lunch():
    park = ParkFactory(name="Technopôle de Château-Gombert")
    staff = UserFactory(email="camille@chateau-gombert.example", staff_of=[park])
    event = EventFactory(title="12/14 — From lab to market", organisers=[park], capacity=40)
    event.programme.create(
        kind="testimonial",
        title="How Planktovie started",
        starts_at=event.starts_at,
        ends_at=event.ends_at,
    )
    return event, staff


def test_register_then_check_in(live_server, page, lunch):
    event, staff = lunch

    # a visitor finds the event in the calendar
    page.goto(f"{live_server.url}/events/")
    page.get_by_role("link", name="12/14 — From lab to market").click()
    page.wait_for_url(f"**{event.get_absolute_url()}")
    assert "How Planktovie started" in page.locator("#programme").inner_text()
    assert page.locator("#venue-map.leaflet-container").count() == 1

    # registers
    page.get_by_role("link", name="Register").click()
    page.fill("#id_email", "zoe.moreau@dualsun.example")
    page.fill("#id_first_name", "Zoé")
    page.fill("#id_last_name", "Moreau")
    page.fill("#id_organisation_name", "DualSun")
    page.select_option("#id_country", "FR")
    page.select_option("#id_participation_type", "sme")
    page.check("#id_listed_publicly")
    page.get_by_role("button", name="Register").click()

    # and sees the confirmation, with the code to show at the entrance
    status = page.locator("#registration-status")
    status.wait_for()
    assert "your registration is confirmed" in status.inner_text()
    registration = Registration.objects.get(person__email="zoe.moreau@dualsun.example")
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.token in page.locator("main").inner_text()
    assert [m.to for m in mail.outbox] == [["zoe.moreau@dualsun.example"]]

    # staff of the park signs in and checks her in from the search
    page.goto(f"{live_server.url}/accounts/login/?next=/events/{event.slug}/check-in/")
    page.fill("input[name=username]", staff.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("#login-form button[type=submit]").click()
    page.wait_for_url(f"**/events/{event.slug}/check-in/")
    page.fill("#id_q", "zoe moreau")  # without the accent
    row = page.locator(f"#checkin-{registration.pk}")
    row.get_by_role("button", name="Check in").click()
    row.locator(".badge", has_text="Checked in at").wait_for()
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    assert registration.checked_in_by == staff

    # scanning the code again changes nothing
    first = registration.checked_in_at
    page.fill("#checkin-token", registration.token)
    page.get_by_role("button", name="Check in", exact=True).last.click()
    page.wait_for_load_state()
    registration.refresh_from_db()
    assert registration.checked_in_at == first
