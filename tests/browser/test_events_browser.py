"""Browser journey of events: a visitor finds an event in the calendar, registers, confirms the
address from the mail and sees their registration with the badge code; the badge code opens
nothing for a stranger; a staff member of the organising park signs in and checks them in."""

import re

import pytest

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


def plain(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def test_register_then_check_in(live_server, page, browser, lunch, smtp_server, settings):
    settings.SITE_URL = live_server.url
    event, staff = lunch

    # a visitor finds the event in the calendar
    page.goto(f"{live_server.url}/events/")
    page.get_by_role("link", name="12/14 — From lab to market").click()
    page.wait_for_url(f"**{event.get_absolute_url()}")
    assert "How Planktovie started" in page.locator("#programme").inner_text()
    assert page.locator("#venue-map.leaflet-container").count() == 1

    # registers
    page.get_by_role("link", name="Register", exact=True).click()
    page.fill("#id_email", "zoe.moreau@dualsun.example")
    page.fill("#id_first_name", "Zoé")
    page.fill("#id_last_name", "Moreau")
    page.fill("#id_organisation_name", "DualSun")
    page.select_option("#id_country", "FR")
    page.select_option("#id_participation_type", "sme")
    page.check("#id_listed_publicly")
    page.get_by_role("button", name="Register").click()

    # confirms the address from the mail, and sees the registration with the code for the entrance
    smtp_server.wait_for(1, timeout=20)
    [check] = [plain(m) for m in smtp_server.messages]
    page.goto(re.search(r"https?://\S+/register/confirm/\S+", check).group(0))
    page.locator("#confirm-registration").click()
    status = page.locator("#registration-status")
    status.wait_for()
    assert "your registration is confirmed" in status.inner_text()
    registration = Registration.objects.get(person__email="zoe.moreau@dualsun.example")
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.token in page.locator("main").inner_text()

    # the badge code opens nothing for someone who reads it on her badge
    stranger = browser.new_context()
    peek = stranger.new_page()
    peek.goto(f"{live_server.url}/events/registration/{registration.token}/")
    assert peek.locator("#link-invalid").count() == 1
    assert "Moreau" not in peek.locator("main").inner_text()
    stranger.close()

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
