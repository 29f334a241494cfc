"""Request mode: send, accept (booked at once), decline, expire; no double booking under load."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from maillage.matchmaking.enums import MeetingSource, RequestStatus, WishLevel
from maillage.matchmaking.models import Meeting, MeetingRequest, MeetingSeat
from maillage.matchmaking.services import requests, sessions, wishes
from maillage.matchmaking.services.sessions import ensure_draft

pytestmark = pytest.mark.django_db


def test_an_accepted_request_gets_the_first_common_free_slot(session, people):
    a, b, c, *_ = people
    first = requests.send_request(sender=a, recipient=b, message="Solar coatings?")
    meeting = requests.accept_request(request=first, by=b)
    assert meeting.slot.index == 0 and meeting.table.number == 1
    assert meeting.source == MeetingSource.REQUEST and meeting.schedule == ensure_draft(session)
    first.refresh_from_db()
    assert first.status == RequestStatus.ACCEPTED and first.responded_at
    # a is busy in slot 0: the next meeting of a goes to slot 1; c's meeting with another fits slot 0.
    second = requests.accept_request(request=requests.send_request(sender=c, recipient=a), by=a)
    assert second.slot.index == 1
    assert MeetingSeat.objects.filter(participant=a, active=True).count() == 2


def test_unavailable_slots_and_busy_tables_are_skipped(session, people):
    a, b, c, d, e, f = people
    a.unavailable_slots.set(session.slots.filter(index__lt=2))
    sessions.set_tables(session=session, count=1)
    requests.accept_request(request=requests.send_request(sender=c, recipient=d), by=d)  # slot 0
    m = requests.accept_request(request=requests.send_request(sender=a, recipient=b), by=b)
    assert m.slot.index == 2


def test_only_the_recipient_answers_and_only_once(session, people):
    a, b, c, *_ = people
    req = requests.send_request(sender=a, recipient=b)
    with pytest.raises(ValidationError, match="Only the person asked"):
        requests.accept_request(request=req, by=c)
    requests.decline_request(request=req, by=b)
    with pytest.raises(ValidationError, match="declined already"):
        requests.accept_request(request=req, by=b)


def test_bad_requests_are_refused_with_a_reason(session, people):
    a, b, c, *_ = people
    with pytest.raises(ValidationError, match="yourself"):
        requests.send_request(sender=a, recipient=a)
    requests.send_request(sender=a, recipient=b)
    with pytest.raises(ValidationError, match="already asked"):
        requests.send_request(sender=a, recipient=b)
    with pytest.raises(ValidationError, match="accept their request"):
        requests.send_request(sender=b, recipient=a)
    wishes.set_wish(author=c, target=a, level=WishLevel.NO_THANKS)
    with pytest.raises(ValidationError, match="does not wish to meet"):
        requests.send_request(sender=a, recipient=c)
    sessions.set_rule(session=session, type_a="sme", type_b="startup", may_meet=False)
    with pytest.raises(ValidationError, match="may not meet"):
        requests.send_request(sender=people[3], recipient=people[2])


def test_unanswered_requests_expire(session, people):
    a, b, *_ = people
    req = requests.send_request(sender=a, recipient=b)
    assert requests.expire_overdue(now=timezone.now() + dt.timedelta(hours=73)) == 1
    req.refresh_from_db()
    assert req.status == RequestStatus.EXPIRED
    with pytest.raises(ValidationError, match="expired already"):
        requests.accept_request(request=req, by=b)


def test_a_full_agenda_refuses_the_acceptance_and_keeps_the_request(session, people):
    a, b, c, *_ = people
    a.max_meetings = 1
    a.save()
    requests.accept_request(request=requests.send_request(sender=a, recipient=b), by=b)
    pending = requests.send_request(sender=c, recipient=a)
    with pytest.raises(ValidationError, match="maximum"):
        requests.accept_request(request=pending, by=a)
    pending.refresh_from_db()
    assert pending.status == RequestStatus.PENDING


@pytest.mark.django_db(transaction=True)
def test_concurrent_acceptances_never_double_book(convention):
    """Eight people accept requests from the same sender at the same moment, from 8 threads."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers: real concurrency is tested on PostgreSQL only")
    from tests.matchmaking.conftest import make_session

    session = make_session(convention, people=9, tables=2)
    hub, *others = list(session.participants.order_by("id"))
    pending = [requests.send_request(sender=hub, recipient=o) for o in others]
    barrier = threading.Barrier(len(pending))
    errors: list[str] = []

    def accept(req):
        try:
            barrier.wait()
            requests.accept_request(request=req, by=req.recipient)
        except ValidationError as exc:
            errors.append(exc.messages[0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=accept, args=(r,)) for r in pending]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    draft = ensure_draft(session)
    meetings = list(Meeting.objects.filter(schedule=draft).scheduled())
    slots_of_hub = [m.slot_id for m in meetings]
    assert len(slots_of_hub) == len(set(slots_of_hub)) == 6  # six slots in the day
    assert len(errors) == 2 and all("no common free slot" in e for e in errors)
    assert MeetingRequest.objects.filter(status=RequestStatus.ACCEPTED).count() == 6


def test_self_booking_after_publication(session, people):
    from maillage.matchmaking.scheduling import release
    from maillage.matchmaking.services import editing, selfbooking
    from maillage.matchmaking.services.placement import ScheduleConflict

    a, b, c, *_ = people
    with pytest.raises(ValidationError, match="once the organisers publish"):
        selfbooking.free_slots(me=a, other=b)
    editing.add_meeting(
        schedule=ensure_draft(session),
        people=[a, c],
        slot=session.slots.get(index=0),
        table=session.tables.get(number=1),
    )
    published = release.publish(session=session)
    slots = selfbooking.free_slots(me=a, other=b)
    assert [s.index for s in slots] == [1, 2, 3, 4, 5]  # a is busy in slot 0
    meeting = selfbooking.self_book(by=a, other=b, slot=slots[0])
    assert meeting.schedule == published and meeting.source == MeetingSource.SELF_BOOKED
    twin = ensure_draft(session).meetings.get(uid=meeting.uid)
    assert twin.slot == meeting.slot
    with pytest.raises(ScheduleConflict, match="already meets"):
        selfbooking.self_book(by=c, other=b, slot=slots[0])
