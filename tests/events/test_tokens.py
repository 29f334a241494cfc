"""One secret, one purpose: the badge code only checks in (at the hands of the event's staff);
the registration page opens for the signed-in registrant or from the personal link sent to
their address; a replaced link stops working."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from maillage.events import services, tokens
from maillage.events.enums import RegistrationStatus
from maillage.events.models import Registration, RegistrationKey
from maillage.mail.models import OutgoingMail
from tests.events.factories import (
    PASSWORD,
    EventFactory,
    ParkFactory,
    PersonFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
S = RegistrationStatus


def login(client, user):
    assert client.login(email=user.email, password=PASSWORD)


def csrf_client() -> Client:
    return Client(enforce_csrf_checks=True)


def csrf_of(client: Client, url: str) -> str:
    """The CSRF token of the form on a page, as a browser would send it back."""
    page = client.get(url)
    assert page.status_code == 200, url
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


@pytest.fixture
def owner():
    return UserFactory(email="zoe.moreau@dualsun.example")


@pytest.fixture
def registration(event, owner):
    person = PersonFactory(user=owner, email=owner.email, first_name="Zoé", last_name="Moreau")
    return RegistrationFactory(event=event, person=person)


@pytest.fixture
def unlinked(event):
    """A registrant without an account (imported, or registered while not signed in)."""
    return RegistrationFactory(
        event=event, person=PersonFactory(email="ada@planktovie.example", first_name="Ada")
    )


def bodies_to(address: str) -> list[str]:
    """Mails stored for delivery to the address (the outbox), or handed to Django's backend."""
    stored = [m.body for m in OutgoingMail.objects.filter(to=address)]
    return stored + [m.body for m in mail.outbox if address in m.to]


def unchanged(registration: Registration) -> bool:
    fresh = Registration.objects.get(pk=registration.pk)
    return fresh.status == registration.status and fresh.checked_in_at is None


class TestBadgeCodeOpensNothing:
    def test_old_addresses_with_the_badge_code_are_gone(self, client, registration):
        code = registration.token
        old = client.get(f"/events/registration/{code}/")  # the address of earlier e-mails
        assert old.status_code == 404 and 'id="link-invalid"' in old.text
        assert "Zoé" not in old.text and "Moreau" not in old.text
        unknown = client.get("/events/registration/not-a-code/")  # answered alike
        assert unknown.status_code == 404 and 'id="link-invalid"' in unknown.text
        assert client.post(f"/events/registration/{code}/cancel/").status_code == 404
        # nor is the badge code a personal link or a calendar key
        link = client.get(reverse("events:registration_link", args=[code]))
        assert link.status_code == 404 and "Zoé" not in link.text
        feed = client.get(reverse("matchmaking:agenda_feed", args=[code]))
        assert feed.status_code == 404
        assert unchanged(registration)

    def test_anonymous_get_is_sent_to_sign_in(self, client, registration):
        response = client.get(registration.get_absolute_url())
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    def test_anonymous_post_cancels_nothing(self, registration):
        url = reverse("events:cancel_own", args=[registration.pk])
        assert csrf_client().post(url).status_code == 403  # no CSRF token: refused first
        assert Client().post(url).status_code == 404  # even without the CSRF check
        assert Client().post(url, {"token": registration.token}).status_code == 404
        assert unchanged(registration)

    def test_another_signed_in_person_sees_and_cancels_nothing(self, client, registration):
        login(client, UserFactory())
        page = client.get(registration.get_absolute_url())
        assert page.status_code == 404 and "Zoé" not in page.text
        assert client.post(reverse("events:cancel_own", args=[registration.pk])).status_code == 404
        rotate = client.post(reverse("events:rotate_link", args=[registration.pk]))
        assert rotate.status_code == 404
        assert unchanged(registration)
        assert not RegistrationKey.objects.exists()


class TestOwnerSignedIn:
    def test_sees_the_page_with_the_badge_code_and_cancels_with_csrf(self, registration, owner):
        client = csrf_client()
        login(client, owner)
        page = client.get(registration.get_absolute_url())
        assert page.status_code == 200 and registration.token in page.text
        url = reverse("events:cancel_own", args=[registration.pk])
        assert client.post(url).status_code == 403  # a forged form without the CSRF token
        assert Registration.objects.get(pk=registration.pk).status == S.CONFIRMED
        token = csrf_of(client, registration.get_absolute_url())
        response = client.post(url, {"csrfmiddlewaretoken": token})
        assert response.status_code == 302
        assert Registration.objects.get(pk=registration.pk).status == S.CANCELLED

    def test_registering_while_signed_in_lands_on_the_own_page(self, client, event, owner):
        login(client, owner)
        form = {
            "email": owner.email,
            "first_name": "Zoé",
            "last_name": "Moreau",
            "organisation_name": "DualSun",
            "country": "FR",
            "participation_type": "sme",
        }
        response = client.post(reverse("events:register", args=[event.slug]), form)
        registration = Registration.objects.get(person__email=owner.email)
        assert response["Location"] == registration.get_absolute_url()


class TestPersonalLink:
    def test_the_notice_carries_the_personal_link_not_the_badge_code(self, unlinked):
        services.send_registration_notice(registration=unlinked, notice="confirmed")
        [body] = bodies_to(unlinked.person.email)
        assert tokens.personal_link_url(unlinked) in body
        assert unlinked.token not in body

    def test_link_opens_the_page_and_lets_this_browser_cancel(self, unlinked):
        client = csrf_client()
        link = client.get(tokens.personal_link_url(unlinked).removeprefix("http://testserver"))
        assert link.status_code == 302 and link["Location"] == unlinked.get_absolute_url()
        page = client.get(unlinked.get_absolute_url())
        assert page.status_code == 200 and unlinked.token in page.text
        # another browser without the link gets nothing
        assert Client().get(unlinked.get_absolute_url()).status_code == 302
        token = csrf_of(client, unlinked.get_absolute_url())
        client.post(
            reverse("events:cancel_own", args=[unlinked.pk]), {"csrfmiddlewaretoken": token}
        )
        assert Registration.objects.get(pk=unlinked.pk).status == S.CANCELLED

    def test_a_link_opens_its_own_registration_only(self, client, event, unlinked, registration):
        client.get(reverse("events:registration_link", args=[tokens.key_of(unlinked, "page")]))
        assert client.get(unlinked.get_absolute_url()).status_code == 200
        other = client.get(registration.get_absolute_url())
        assert other.status_code == 404 and "Zoé" not in other.text
        assert client.post(reverse("events:cancel_own", args=[registration.pk])).status_code == 404
        assert unchanged(registration)

    def test_new_link_replaces_the_old_one_everywhere(self, unlinked):
        old = tokens.key_of(unlinked, "page")
        elsewhere = Client()  # a browser that opened the old link (a forwarded e-mail)
        elsewhere.get(reverse("events:registration_link", args=[old]))
        assert elsewhere.get(unlinked.get_absolute_url()).status_code == 200

        mine = Client()
        mine.get(reverse("events:registration_link", args=[old]))
        mine.post(reverse("events:rotate_link", args=[unlinked.pk]))
        new = tokens.key_of(unlinked, "page")
        assert new != old
        assert mine.get(unlinked.get_absolute_url()).status_code == 200  # keeps its access
        assert elsewhere.get(unlinked.get_absolute_url()).status_code == 404
        stale = Client().get(reverse("events:registration_link", args=[old]))
        assert stale.status_code == 404 and 'id="link-invalid"' in stale.text
        assert "Ada" not in stale.text
        sent = OutgoingMail.objects.get(to=unlinked.person.email, kind="personal_link")
        assert new in sent.body and old not in sent.body

    def test_asking_for_a_link_answers_the_same_for_any_address(self, client, unlinked):
        url = reverse("events:new_link")
        known = client.post(url, {"email": "ADA@planktovie.example"})
        unknown = client.post(url, {"email": "nobody@nowhere.example"})

        def strip(response):  # the address typed and the CSRF token differ, nothing else
            text = re.sub(r'"[^"]*[Tt]oken": "[^"]+"', "", response.text)
            text = re.sub(
                r'value="[^"]+" name="csrfmiddlewaretoken"|name="csrfmiddlewaretoken" value="[^"]+"',
                "",
                text,
            )
            return text.replace("ADA@planktovie.example", "X").replace(
                "nobody@nowhere.example", "X"
            )

        assert known.status_code == unknown.status_code == 200
        assert strip(known) == strip(unknown)
        mails = list(OutgoingMail.objects.filter(kind="personal_link"))
        assert [m.to for m in mails] == [unlinked.person.email]
        assert tokens.personal_link_url(unlinked) in mails[0].body
        client.post(url, {"email": "ada@planktovie.example"})  # again within the hour
        assert OutgoingMail.objects.filter(kind="personal_link").count() == 1

    def test_bad_address_is_explained(self, client):
        response = client.post(reverse("events:new_link"), {"email": "not an address"})
        assert response.status_code == 200 and "valid email" in response.text.lower()
        assert not OutgoingMail.objects.exists()


class TestCheckInNeedsEventStaff:
    def mark(self, client, event, code):
        return client.post(reverse("events:check_in_mark", args=[event.slug]), {"token": code})

    def test_anonymous_participant_and_other_park_staff_are_refused(
        self, client, event, registration, owner
    ):
        response = self.mark(client, event, registration.token)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        login(client, owner)  # the registrant themself
        assert self.mark(client, event, registration.token).status_code == 403
        client.logout()
        login(client, UserFactory(staff_of=[ParkFactory()]))
        assert self.mark(client, event, registration.token).status_code == 403
        assert unchanged(registration)

    def test_event_staff_checks_in_by_the_badge_code(self, client, event, staff, registration):
        login(client, staff)
        assert self.mark(client, event, registration.token).status_code == 302
        fresh = Registration.objects.get(pk=registration.pk)
        assert fresh.checked_in_at is not None and fresh.checked_in_by == staff

    def test_staff_of_another_event_cannot_use_a_code_of_this_one(self, client, registration):
        other_park = ParkFactory()
        other_event = EventFactory(organisers=[other_park])
        login(client, UserFactory(staff_of=[other_park]))
        self.mark(client, other_event, registration.token)
        assert unchanged(registration)

    def test_api_check_in_refuses_the_participant(self, client, event, registration, owner):
        login(client, owner)
        response = client.post(
            f"/api/v1/events/{event.slug}/check-in",
            {"token": registration.token},
            content_type="application/json",
        )
        assert response.status_code in (401, 403)
        assert unchanged(registration)


class TestCalendarsAndLanguage:
    def test_event_calendars_say_their_charset(self, client, event):
        for url in (reverse("events:feed"), reverse("events:event_ics", args=[event.slug])):
            assert client.get(url)["Content-Type"] == "text/calendar; charset=utf-8", url

    def test_link_pages_speak_french(self, client, unlinked):
        client.cookies["django_language"] = "fr"
        stale = client.get(reverse("events:registration_link", args=["no-such-key"]))
        assert "Ce lien ne fonctionne plus" in stale.text
        client.get(reverse("events:registration_link", args=[tokens.key_of(unlinked, "page")]))
        page = client.get(unlinked.get_absolute_url())
        assert "M’envoyer un nouveau lien personnel" in page.text


class TestWhoTypedItInIsNotTheRegistrant:
    def test_registered_by_gives_no_access(self, client, event, unlinked):
        typist = UserFactory()  # e.g. an assistant, or staff who since left the park
        Registration.objects.filter(pk=unlinked.pk).update(registered_by=typist)
        login(client, typist)
        assert client.get(unlinked.get_absolute_url()).status_code == 404
        assert client.get(f"/api/v1/registrations/{unlinked.pk}").status_code == 404
        cancel = client.post(f"/api/v1/registrations/{unlinked.pk}/cancel")
        assert cancel.status_code == 404
        assert client.get("/api/v1/registrations/mine").json() == []
        assert Registration.objects.get(pk=unlinked.pk).status == S.CONFIRMED
        page = client.get(event.get_absolute_url())
        assert unlinked.get_absolute_url() not in page.text

    def test_the_registrant_reads_and_cancels_through_the_api(self, client, registration, owner):
        login(client, owner)
        assert client.get(f"/api/v1/registrations/{registration.pk}").status_code == 200
        mine = client.get("/api/v1/registrations/mine").json()
        assert [r["id"] for r in mine] == [registration.pk]
        assert client.post(f"/api/v1/registrations/{registration.pk}/cancel").status_code == 200
        assert Registration.objects.get(pk=registration.pk).status == S.CANCELLED
