"""Invitations: the organiser sends each confirmed registrant without an account a personal
sign-in link (page, API, `invite` command); the link signs in and lands on the participant hub;
expired, revoked (cancelled registration), altered or foreign links are refused."""

import datetime as dt
import re
import time
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from maillage.accounts import links
from maillage.events import invitations, services
from maillage.events.enums import RegistrationStatus
from maillage.events.models import Invitation
from maillage.mail.models import OutgoingMail
from maillage.matchmaking.services import sessions
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
LINK = re.compile(r"https?://\S+/invitation/\d+/\?sesame=\S+")


@pytest.fixture(autouse=True)
def fresh_rate_limits_and_language():
    cache.clear()
    yield
    translation.activate(settings.LANGUAGE_CODE)  # a French page must not leak into the next test


@pytest.fixture
def registrants(event):
    """Ada (no account, French), Bob (no account), Cy (signed in before), Dee (pending)."""
    ada = RegistrationFactory(
        event=event, person=PersonFactory(first_name="Ada", email="ada@a.example", languages="fr")
    )
    bob = RegistrationFactory(
        event=event, person=PersonFactory(first_name="Bob", email="bob@b.example")
    )
    cy_user = UserFactory(email="cy@c.example")
    cy_user.last_login = dt.datetime(2026, 1, 5, tzinfo=dt.UTC)
    cy_user.save()
    cy = RegistrationFactory(event=event, person=PersonFactory(email="cy@c.example", user=cy_user))
    dee = RegistrationFactory(
        event=event, status=S.PENDING, person=PersonFactory(email="d@d.example")
    )
    return ada, bob, cy, dee


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def link_in(mail: OutgoingMail) -> str:
    return path_of(LINK.search(mail.body).group(0))


def signed_in_id(client):
    return client.session.get("_auth_user_id")


def login(client, user):
    assert client.login(email=user.email, password=PASSWORD)


class TestInvite:
    def test_confirmed_registrants_without_account_get_a_link_in_their_language(
        self, event, registrants
    ):
        ada, bob, cy, dee = registrants
        result = invitations.invite(event=event)
        assert result.sent == 2
        mails = {m.to: m for m in OutgoingMail.objects.filter(kind="invitation")}
        assert set(mails) == {"ada@a.example", "bob@b.example"}
        assert mails["ada@a.example"].subject.startswith("Votre invitation")
        assert mails["bob@b.example"].subject.startswith("Your invitation")
        assert "14" in mails["bob@b.example"].body and LINK.search(mails["bob@b.example"].body)
        ada.person.refresh_from_db()
        assert ada.person.user.email == "ada@a.example"
        assert not ada.person.user.has_usable_password()
        # a second run sends nothing new: everyone is invited already
        assert invitations.invite(event=event).sent == 0
        assert invitations.invite(event=event, resend=True).sent == 2
        assert Invitation.objects.get(registration=ada).sent_count == 2

    def test_opening_signs_in_and_lands_on_the_hub(self, client, event, registrants):
        ada = registrants[0]
        session = sessions.create_session(
            event=event,
            name="Meetings",
            slot_minutes=20,
            days=[(event.starts_at.date(), dt.time(9), dt.time(11))],
            tables=2,
        )
        sessions.add_participant(session=session, registration=ada)
        invitations.invite(event=event)
        mail = OutgoingMail.objects.get(to="ada@a.example")
        response = client.get(link_in(mail))
        assert response.status_code == 302
        assert response["Location"] == reverse("matchmaking:hub", args=[event.slug])
        ada.person.refresh_from_db()
        assert signed_in_id(client) == str(ada.person.user_id)
        assert client.get(response["Location"]).status_code == 200
        assert Invitation.objects.get(registration=ada).opened_at is not None
        # the organiser sees it; once signed in, the person is no longer waiting
        assert invitations.awaiting(event, resend=True).filter(pk=ada.pk).count() == 0

    def test_without_meetings_it_lands_on_the_registration_page(self, client, event, registrants):
        bob = registrants[1]
        invitations.invite(event=event, registration_ids=[bob.pk])
        response = client.get(link_in(OutgoingMail.objects.get()))
        assert response["Location"] == bob.get_absolute_url()
        assert client.get(response["Location"]).status_code == 200

    def test_cancelled_registration_link_is_refused(self, client, event, registrants):
        ada = registrants[0]
        invitations.invite(event=event, registration_ids=[ada.pk])
        link = link_in(OutgoingMail.objects.get())
        services.cancel_registration(registration=ada)
        response = client.get(link)
        page = response.content.decode()
        assert response.status_code == 400 and "This link no longer works" in page
        assert "Ada" not in page and "ada@a.example" not in page
        assert signed_in_id(client) is None
        assert Invitation.objects.get(registration=ada).opened_at is None

    def test_altered_and_wrong_scope_links_are_refused(self, client, event, registrants):
        ada, bob = registrants[:2]
        invitations.invite(event=event)
        ada_link = link_in(OutgoingMail.objects.get(to="ada@a.example"))
        token = parse_qs(urlsplit(ada_link).query)["sesame"][0]
        altered = ada_link.replace(token, token[:-4] + "abcd")
        assert client.get(altered).status_code == 400
        # Ada's token on Bob's invitation address, and a sign-in token of another purpose
        bob_path = reverse("events:invitation", args=[event.slug, bob.pk])
        assert client.get(f"{bob_path}?{urlencode({'sesame': token})}").status_code == 400
        ada.person.refresh_from_db()
        other = links.token_for(ada.person.user, scope=links.LOGIN_SCOPE)
        ada_path = reverse("events:invitation", args=[event.slug, ada.pk])
        assert client.get(f"{ada_path}?{urlencode({'sesame': other})}").status_code == 400
        assert signed_in_id(client) is None

    def test_expired_link_is_refused(self, client, event, registrants, settings, monkeypatch):
        real = time.time
        monkeypatch.setattr(time, "time", lambda: real() - (settings.INVITATION_DAYS + 1) * 86400)
        invitations.invite(event=event, registration_ids=[registrants[0].pk])
        monkeypatch.setattr(time, "time", real)
        assert client.get(link_in(OutgoingMail.objects.get())).status_code == 400
        assert signed_in_id(client) is None

    def test_a_dead_link_offers_a_new_one_sent_to_the_address_on_file(
        self, client, event, registrants
    ):
        ada, bob = registrants[:2]
        invitations.invite(event=event, registration_ids=[ada.pk, bob.pk])
        services.cancel_registration(registration=bob)
        OutgoingMail.objects.all().delete()
        for registration in (ada, bob):
            url = reverse("events:invitation_renew", args=[event.slug, registration.pk])
            page = client.post(url).content.decode()
            assert "a new link is on its way to the address the organisers have" in page
        assert list(OutgoingMail.objects.values_list("to", flat=True)) == ["ada@a.example"]
        assert client.get(link_in(OutgoingMail.objects.get())).status_code == 302

    def test_only_confirmed_registrations_of_the_event_can_be_chosen(self, event, registrants):
        other = RegistrationFactory(event=EventFactory())
        for ids in ([registrants[3].pk], [other.pk]):
            with pytest.raises(Exception, match="Only confirmed registrations of this event"):
                invitations.invite(event=event, registration_ids=ids)
        assert not OutgoingMail.objects.exists()


class TestOrganiserPage:
    def test_page_shows_state_and_invites(self, client, event, staff, registrants):
        login(client, staff)
        url = reverse("events:registrations", args=[event.slug])
        page = client.get(url).content.decode()
        assert "2 confirmed registrants have not been invited yet." in page
        assert "not invited" in page
        response = client.post(reverse("events:invite", args=[event.slug]), {"who": "new"})
        assert response.status_code == 302
        page = client.get(url).content.decode()
        assert "2 invitations are on their way." in page
        assert "Invited" in page and "not opened yet" in page and "Signed in" in page

    def test_ticked_subset(self, client, event, staff, registrants):
        login(client, staff)
        bob = registrants[1]
        client.post(
            reverse("events:invite", args=[event.slug]),
            {"who": "selected", "registration": [bob.pk]},
        )
        assert list(OutgoingMail.objects.values_list("to", flat=True)) == ["bob@b.example"]

    def test_another_parks_staff_and_anonymous_are_refused(self, client, event, registrants):
        url = reverse("events:invite", args=[event.slug])
        assert client.post(url, {"who": "new"}).status_code == 302  # to the login page
        login(client, UserFactory(staff_of=[ParkFactory()]))
        assert client.post(url, {"who": "new"}).status_code == 403
        assert not OutgoingMail.objects.exists() and not Invitation.objects.exists()


class TestApi:
    def test_organiser_invites_and_reads_the_state(self, client, event, staff, registrants):
        login(client, staff)
        url = f"/api/v1/events/{event.slug}/invitations"
        response = client.post(url, {}, content_type="application/json")
        assert response.status_code == 200, response.content
        assert response.json()["sent"] == 2
        rows = {r["email"]: r for r in client.get(url).json()}
        assert (
            rows["ada@a.example"]["sent_count"] == 1 and rows["ada@a.example"]["opened_at"] is None
        )
        assert rows["cy@c.example"]["signed_in"] is True
        ada = registrants[0]
        again = client.post(
            url, {"registrations": [ada.pk]}, content_type="application/json"
        ).json()
        assert again["sent"] == 1

    def test_another_parks_event_is_refused(self, client, event, registrants):
        login(client, UserFactory(staff_of=[ParkFactory()]))
        url = f"/api/v1/events/{event.slug}/invitations"
        assert client.post(url, {}, content_type="application/json").status_code == 403
        assert client.get(url).status_code == 403
        assert not OutgoingMail.objects.exists()

    def test_a_registration_of_another_event_is_refused(self, client, event, staff, registrants):
        login(client, staff)
        other = RegistrationFactory(event=EventFactory())
        response = client.post(
            f"/api/v1/events/{event.slug}/invitations",
            {"registrations": [other.pk]},
            content_type="application/json",
        )
        assert response.status_code == 422 and not OutgoingMail.objects.exists()


def test_invite_now_delivers_through_a_real_smtp_server(client, event, registrants, smtp_server):
    call_command("invite", event.slug, "--now")
    smtp_server.wait_for(2)
    assert sorted(m["To"] for m in smtp_server.messages) == ["ada@a.example", "bob@b.example"]
    body = smtp_server.messages[0].get_body(preferencelist=("plain",)).get_content()
    response = client.get(path_of(LINK.search(body).group(0)))
    assert response.status_code == 302 and signed_in_id(client) is not None


def test_invite_command_explains_an_unknown_slug():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No event has the slug"):
        call_command("invite", "no-such-event")
