"""E-mails about meeting requests: received (to the recipient), accepted (to the sender)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from maillage.matchmaking.services import request_notices, requests

pytestmark = pytest.mark.django_db


def _to(person):
    return [m for m in mail.outbox if m.to == [person.email]]


def test_the_recipient_hears_of_a_request_and_the_sender_of_its_acceptance(
    session, people, django_capture_on_commit_callbacks
):
    a, b, *_ = people
    with django_capture_on_commit_callbacks(execute=True):
        req = requests.send_request(sender=a, recipient=b, message="Solar coatings?")
    [received] = _to(b.registration.person)
    assert "Person0 Martin" in received.subject and "Axe Seine convention" in received.subject
    assert "Solar coatings?" in received.body and "Hello Person1" in received.body
    assert not _to(a.registration.person)
    with django_capture_on_commit_callbacks(execute=True):
        meeting = requests.accept_request(request=req, by=b)
    [accepted] = _to(a.registration.person)
    assert "accepted your meeting request" in accepted.subject
    assert meeting.slot.label in accepted.body and str(meeting.table) in accepted.body
    assert len(mail.outbox) == 2


def test_written_in_the_language_of_the_person_it_goes_to(
    session, people, django_capture_on_commit_callbacks
):
    a, b, *_ = people
    b.registration.language = "fr"
    b.registration.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        req = requests.send_request(sender=a, recipient=b)
    [received] = _to(b.registration.person)
    assert "vous demande un rendez-vous" in received.subject and "Bonjour Person1" in received.body
    with django_capture_on_commit_callbacks(execute=True):
        requests.accept_request(request=req, by=b)
    [accepted] = _to(a.registration.person)
    assert "accepted your meeting request" in accepted.subject  # a reads English


def test_no_mail_for_a_refused_request_and_an_unknown_notice_is_an_error(
    session, people, django_capture_on_commit_callbacks
):
    a, b, *_ = people
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ValidationError, match="yourself"),
    ):
        requests.send_request(sender=a, recipient=a)
    assert mail.outbox == []
    req = requests.send_request(sender=a, recipient=b)
    with pytest.raises(ValueError, match="unknown notice"):
        request_notices.send(request=req, notice="declined")


def test_links_in_the_mails_are_absolute_on_the_configured_site(
    session, people, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://parc.example.org"
    a, b, *_ = people
    with django_capture_on_commit_callbacks(execute=True):
        req = requests.send_request(sender=a, recipient=b)
    [received] = _to(b.registration.person)
    assert f"https://parc.example.org/matchmaking/sessions/{session.pk}/requests/" in received.body
    with django_capture_on_commit_callbacks(execute=True):
        requests.accept_request(request=req, by=b)
    [accepted] = _to(a.registration.person)
    assert f"https://parc.example.org/matchmaking/sessions/{session.pk}/agenda/" in accepted.body
