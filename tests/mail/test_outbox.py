"""The organiser's outbox: page and API, resend one or all failed, and who may see it."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from maillage.events.enums import EventStatus
from maillage.mail.enums import MailStatus
from maillage.mail.models import OutgoingMail
from maillage.mail.services import queue_mail
from tests.events.factories import EventFactory, ParkFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def park():
    return ParkFactory(name="Aéropole")


@pytest.fixture
def organiser(park):
    return UserFactory(email="organiser@aeropole.example", staff_of=[park])


@pytest.fixture
def event(park):
    return EventFactory(organisers=[park], title="Axe Seine convention")


@pytest.fixture
def mails(event, smtp_server, settings, django_capture_on_commit_callbacks):
    """One mail sent, one refused for good by the server (failed), one for another event."""
    settings.MAIL_MAX_ATTEMPTS = 1
    with django_capture_on_commit_callbacks(execute=True):
        sent = queue_mail(to="ada@example.org", subject="Welcome", body="b", event=event)
        failed = queue_mail(to="nobody@refused.invalid", subject="Lost", body="b", event=event)
        other = queue_mail(
            to="bob@example.org", subject="Elsewhere", body="b", event=EventFactory()
        )
    for mail in (sent, failed, other):
        mail.refresh_from_db()
    assert (sent.status, failed.status) == (MailStatus.SENT, MailStatus.FAILED)
    return sent, failed, other


def test_the_organiser_sees_the_outbox_with_states_and_errors(
    client, organiser, event, mails, django_assert_max_num_queries
):
    sent, failed, other = mails
    client.force_login(organiser)
    registrations = client.get(reverse("events:registrations", args=[event.slug])).content.decode()
    assert reverse("mail:outbox", args=[event.slug]) in registrations  # linked from the page
    for n in range(30):  # the number of queries does not grow with the mails
        OutgoingMail.objects.create(to=f"p{n}@example.org", subject="s", body="b", event=event)
    with django_assert_max_num_queries(15):
        page = client.get(reverse("mail:outbox", args=[event.slug]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "ada@example.org" in text and "nobody@refused.invalid" in text
    assert "No such mailbox here" in text  # the server's refusal, shown to the organiser
    assert "Elsewhere" not in text  # another event's mail
    only_failed = client.get(reverse("mail:outbox", args=[event.slug]), {"status": "failed"})
    assert "ada@example.org" not in only_failed.content.decode()


def test_resend_one_and_all_failed(
    client, organiser, event, mails, smtp_server, django_capture_on_commit_callbacks
):
    sent, failed, _other = mails
    client.force_login(organiser)
    url = reverse("mail:resend", args=[event.slug])
    before = len(smtp_server.messages)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"mail": sent.pk})
    assert response.status_code == 302
    assert len(smtp_server.wait_for(before + 1)) == before + 1  # sent again, on request
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"mail": "failed"})
    failed.refresh_from_db()
    assert failed.status == MailStatus.FAILED and failed.attempts == 1  # tried again, refused again
    page = client.post(url, {"mail": "nonsense"}, follow=True)
    assert "Choose a mail to resend" in page.content.decode()


def test_resend_of_another_events_mail_is_not_found(client, organiser, event, mails):
    _sent, _failed, other = mails
    client.force_login(organiser)
    response = client.post(reverse("mail:resend", args=[event.slug]), {"mail": other.pk})
    assert response.status_code == 404


def test_a_queued_mail_is_not_resent_twice(event, settings):
    from django.core.exceptions import ValidationError

    from maillage.mail.services import resend

    mail = queue_mail(to="ada@example.org", subject="s", body="b", event=event)  # not committed
    with pytest.raises(ValidationError, match="still queued"):
        resend(mail=mail)


@pytest.mark.parametrize("who", ["anonymous", "participant", "other_park", "private"])
def test_others_cannot_see_the_outbox(client, event, mails, who):
    url = reverse("mail:outbox", args=[event.slug])
    api = f"/api/v1/events/{event.slug}/outbox"
    if who == "anonymous":
        assert client.get(url).status_code == 302  # to the login page
        assert client.get(api).status_code in (401, 403, 404)
        return
    if who == "participant":
        registration = RegistrationFactory(event=event)
        user = UserFactory(email=registration.person.email)
        registration.person.user = user
        registration.person.save()
        expected = 403  # sees the event, does not manage it
    else:
        user = UserFactory(email="staff@other.example", staff_of=[ParkFactory(name="Other")])
        expected = 403
        if who == "private":
            event.is_public, event.status = False, EventStatus.DRAFT
            event.save()
            expected = 404  # a hidden event does not reveal that it exists
    client.force_login(user)
    assert client.get(url).status_code == expected
    assert (
        client.post(reverse("mail:resend", args=[event.slug]), {"mail": "failed"}).status_code
        == expected
    )
    assert client.get(api).status_code == expected
    response = client.post(
        api + "/resend", json.dumps({"failed": True}), content_type="application/json"
    )
    assert response.status_code in (expected, 401)
    assert OutgoingMail.objects.get(pk=mails[1].pk).attempts == 1  # nothing was resent


def test_the_api_lists_and_resends(client, organiser, event, mails, smtp_server):
    sent, failed, _other = mails
    client.force_login(organiser)
    body = client.get(f"/api/v1/events/{event.slug}/outbox").json()
    assert body["counts"] == {"queued": 0, "sent": 1, "failed": 1}
    assert {m["to"] for m in body["mails"]} == {"ada@example.org", "nobody@refused.invalid"}
    [lost] = [m for m in body["mails"] if m["status"] == "failed"]
    assert "550" in lost["last_error"]
    only = client.get(f"/api/v1/events/{event.slug}/outbox", {"status": "sent"}).json()
    assert [m["id"] for m in only["mails"]] == [sent.pk]
    assert client.get(f"/api/v1/events/{event.slug}/outbox", {"limit": 0}).status_code == 422
    bad = client.post(
        f"/api/v1/events/{event.slug}/outbox/resend",
        json.dumps({"mail_ids": [999999]}),
        content_type="application/json",
    )
    assert bad.status_code == 422


def test_the_outbox_speaks_french(client, organiser, event, mails, compiled_catalogues):
    client.force_login(organiser)
    page = client.get(reverse("mail:outbox", args=[event.slug]), HTTP_ACCEPT_LANGUAGE="fr")
    text = page.content.decode()
    assert "Boîte d’envoi" in text or "Boîte d&#x27;envoi" in text or "Boîte d'envoi" in text
    assert "Renvoyer le courriel en échec" in text
