"""Periodic jobs: the scheduler claims each run once; reminders, feedback requests and request
expiry send each mail once, through a real SMTP server."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from maillage.core import periodic
from maillage.core.models import PeriodicJob
from maillage.events.tokens import calendar_feed_url
from maillage.mail.models import OutgoingMail
from maillage.matchmaking.enums import RequestStatus
from maillage.matchmaking.scheduling import release
from maillage.matchmaking.services import editing, reminders
from maillage.matchmaking.services import requests as meeting_requests
from maillage.matchmaking.services.sessions import ensure_draft
from tests.events.factories import ParkFactory, UserFactory
from tests.matchmaking.conftest import make_session
from tests.matchmaking.factories import ConventionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(django_capture_on_commit_callbacks):
    """A convention in 20 days with a published schedule: a–b at table 1 in slot 0, c–d at
    table 2 in slot 1; e and f have no meeting."""
    park = ParkFactory(name="Aéropole")
    organiser = UserFactory(email="organiser@aeropole.example", staff_of=[park])
    start = (timezone.now() + dt.timedelta(days=20)).replace(
        hour=8, minute=0, second=0, microsecond=0
    )
    event = ConventionFactory(
        title="Axe Seine convention",
        organisers=[park],
        starts_at=start,
        ends_at=start + dt.timedelta(hours=10),
    )
    session = make_session(event)
    people = list(session.participants.order_by("id").select_related("registration__person"))
    a, b, c, d, _e, _f = people
    draft = ensure_draft(session)
    slots = list(session.slots.order_by("index"))
    tables = list(session.tables.order_by("number"))
    editing.add_meeting(schedule=draft, people=[a, b], slot=slots[0], table=tables[0])
    editing.add_meeting(schedule=draft, people=[c, d], slot=slots[1], table=tables[1])
    with django_capture_on_commit_callbacks(execute=True):
        release.publish(session=session, user=organiser)
    return session, people, slots


def _mails(kind):
    return OutgoingMail.objects.filter(kind=kind)


def test_the_day_before_each_participant_gets_their_agenda_once(
    published, smtp_server, django_capture_on_commit_callbacks, compiled_catalogues
):
    session, people, slots = published
    a, b, c, d, e, _f = people
    b.registration.language = "fr"
    b.registration.save()
    zone = session.event.zone
    day = slots[0].starts_at.astimezone(zone)
    two_days_before = day - dt.timedelta(days=2)
    the_day_before = (day - dt.timedelta(days=1)).replace(hour=10)
    assert reminders.send_day_before_reminders(now=two_days_before) == 0
    before = len(smtp_server.messages)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.send_day_before_reminders(now=the_day_before) == 4
    messages = smtp_server.wait_for(before + 4)[before:]
    to_a = next(m for m in messages if m["To"] == a.registration.person.email)
    text = to_a.get_content()
    assert "tomorrow" in to_a["Subject"]
    assert "Person1 Martin (Company 1)" in text and "Table 1" in text
    assert day.strftime("%H:%M") in text
    assert f"/matchmaking/sessions/{session.pk}/agenda/" in text
    assert calendar_feed_url(a.registration) in text  # the participant's ICS subscription
    to_b = next(m for m in messages if m["To"] == b.registration.person.email)
    assert to_b["Subject"] == "Vos rendez-vous de demain à Axe Seine convention"  # b's language
    assert "Person0 Martin (Company 0)" in to_b.get_content()
    assert e.registration.person.email not in {m["To"] for m in messages}  # no meeting, no mail
    # a second run, a second scheduler, a restart: nothing more
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.send_day_before_reminders(now=the_day_before) == 0
        assert reminders.send_day_before_reminders(now=the_day_before + dt.timedelta(hours=3)) == 0
    assert _mails("reminder-day").count() == 4
    assert len(smtp_server.messages) == before + 4


def test_the_day_before_reminder_can_be_switched_off(published):
    session, _people, slots = published
    session.remind_day_before = False
    session.save()
    now = slots[0].starts_at - dt.timedelta(days=1)
    assert reminders.send_day_before_reminders(now=now) == 0


def test_a_short_reminder_before_each_block_when_the_organiser_asks(
    published, smtp_server, django_capture_on_commit_callbacks
):
    session, people, slots = published
    a, b, *_ = people
    assert reminders.send_block_reminders(now=slots[0].starts_at - dt.timedelta(minutes=20)) == 0
    session.remind_minutes_before = 30
    session.save()
    assert reminders.send_block_reminders(now=slots[0].starts_at - dt.timedelta(hours=2)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        sent = reminders.send_block_reminders(now=slots[0].starts_at - dt.timedelta(minutes=20))
        later = reminders.send_block_reminders(now=slots[0].starts_at - dt.timedelta(minutes=10))
        again = reminders.send_block_reminders(now=slots[0].starts_at - dt.timedelta(minutes=5))
    # a and b meet in slot 0: 30 min before it; c and d in slot 1, 20 min later; then no more
    assert (sent, later, again) == (2, 2, 0)
    assert {m.to for m in _mails("reminder-block")} == {
        p.registration.person.email for p in people[:4]
    }


def test_feedback_is_asked_once_after_the_session(
    published, smtp_server, django_capture_on_commit_callbacks
):
    session, people, slots = published
    last_end = session.slots.order_by("-ends_at").first().ends_at
    assert reminders.send_feedback_requests(now=last_end - dt.timedelta(minutes=5)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.send_feedback_requests(now=last_end + dt.timedelta(hours=1)) == 4
        assert reminders.send_feedback_requests(now=last_end + dt.timedelta(hours=2)) == 0
    [message, *_] = smtp_server.wait_for(4)
    assert f"/matchmaking/sessions/{session.pk}/feedback/" in message.get_content()
    assert reminders.send_feedback_requests(now=last_end + dt.timedelta(days=10)) == 0


def test_a_pending_request_expires_after_the_delay_and_both_are_told(
    published, smtp_server, django_capture_on_commit_callbacks
):
    session, people, _slots = published
    session.request_expiry_hours = 24
    session.save()
    _a, _b, _c, _d, e, f = people
    with django_capture_on_commit_callbacks(execute=True):
        request = meeting_requests.send_request(sender=e, recipient=f, message="Hello")
    waits = request.expires_at - request.created_at
    assert abs(waits - dt.timedelta(hours=24)) < dt.timedelta(seconds=5)  # the organiser's delay
    assert reminders.expire_requests(now=request.expires_at - dt.timedelta(minutes=1)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.expire_requests(now=request.expires_at + dt.timedelta(minutes=1)) == 2
        assert reminders.expire_requests(now=request.expires_at + dt.timedelta(minutes=6)) == 0
    request.refresh_from_db()
    assert request.status == RequestStatus.EXPIRED
    told = {m.to: m for m in _mails("request-expired")}
    assert set(told) == {e.registration.person.email, f.registration.person.email}
    assert "expired without an answer" in told[e.registration.person.email].body
    # nothing stays held: the same pair may ask again
    meeting_requests.send_request(sender=e, recipient=f)


def test_the_scheduler_enqueues_each_run_once_even_with_two_schedulers():
    jobs = periodic.configured_jobs([("maillage.mail.tasks.retry_due_mails", 300)])
    now = timezone.now()
    assert periodic.tick(now=now, jobs=jobs) == ["maillage.mail.tasks.retry_due_mails"]
    assert periodic.tick(now=now, jobs=jobs) == []  # the second scheduler finds it claimed
    assert periodic.tick(now=now + dt.timedelta(seconds=299), jobs=jobs) == []
    assert periodic.tick(now=now + dt.timedelta(seconds=300), jobs=jobs) != []
    job = PeriodicJob.objects.get()
    assert job.next_run_at == now + dt.timedelta(seconds=600)


def test_the_configured_periodic_jobs_load():
    paths = {job.path for job in periodic.configured_jobs()}
    assert {
        "maillage.mail.tasks.retry_due_mails",
        "maillage.partnerships.tasks.remind_agreements",
        "maillage.matchmaking.tasks.send_day_before_reminders",
        "maillage.matchmaking.tasks.expire_meeting_requests",
    } <= paths


@pytest.mark.parametrize(
    ("entry", "words"),
    [
        (("maillage.nowhere.tasks.job", 60), "cannot be imported"),
        (("maillage.mail.services.queue_mail", 60), "is not a task"),
        (("maillage.mail.tasks.retry_due_mails", 0), "positive number"),
        ("maillage.mail.tasks.retry_due_mails", "not a pair"),
    ],
)
def test_a_bad_periodic_entry_says_what_to_fix(entry, words):
    with pytest.raises(ImproperlyConfigured, match=words):
        periodic.configured_jobs([entry])
