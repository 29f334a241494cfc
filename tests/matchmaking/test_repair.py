"""On the day: an absence re-plans the rest of the day, the past stays, only those affected are told."""

from __future__ import annotations

import pytest

from maillage.matchmaking.enums import WishLevel
from maillage.matchmaking.models import Meeting
from maillage.matchmaking.scheduling import build, release, repair
from maillage.matchmaking.services import requests, wishes
from maillage.matchmaking.services.sessions import published_schedule
from meetsolver import Solution, Status
from meetsolver.verify import verify
from tests.events.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def all_wish_all(people):
    for x in people:
        for y in people:
            if x.id < y.id:
                wishes.set_wish(author=x, target=y, level=WishLevel.WOULD_LIKE)


def test_an_absent_participant_is_taken_out_and_others_barely_move(session, people, organiser):
    all_wish_all(people)
    build.schedule_now(session)
    v1 = release.publish(session=session, user=organiser)
    slots = list(session.slots.order_by("index"))
    now = slots[2].starts_at  # slots 0–2 have started
    absent = people[0]
    repair.mark_absent(participant=absent, from_slot=slots[3])  # checked in: not here
    v2, summary = repair.repair_day(session=session, user=organiser, now=now)
    assert v2.version == 2 and summary["from_slot"] == 3
    # The past is as it was; the absentee has no meeting from slot 3 on.
    for m in v1.meetings.filter(slot__index__lt=3):
        assert v2.meetings.filter(uid=m.uid, slot=m.slot, table=m.table).exists()
    assert not Meeting.objects.filter(
        schedule=v2, seats__participant=absent, slot__index__gte=3
    ).exists()
    # Only the absentee and their partners of the afternoon are told.
    partners = {
        s.participant_id
        for m in v1.meetings.filter(seats__participant=absent, slot__index__gte=3)
        for s in m.seats.all()
    }
    told = set(v2.notices.values_list("participant_id", flat=True))
    assert told <= partners | {absent.id}
    built = build.build_instance(session, draft=v2)
    errors = verify(
        built.instance,
        Solution(Status.FEASIBLE, assignments=build.assignments_of(built, v2)),
    )
    assert errors == []


def test_a_late_registrant_gets_meetings_in_the_repair(session, people, organiser, convention):
    all_wish_all(people[:4])
    build.schedule_now(session)
    release.publish(session=session, user=organiser)
    reg = RegistrationFactory(
        event=convention, person__first_name="Late", person__last_name="Comer"
    )
    late = repair.add_late_registrant(session=session, registration=reg)
    wishes.set_wish(author=late, target=people[5], level=WishLevel.MUST_MEET)
    first = session.slots.get(index=0)
    v2, _ = repair.repair_day(session=session, user=organiser, now=first.starts_at)
    assert v2.meetings.filter(seats__participant=late).count() == 1
    assert published_schedule(session) == v2


def test_repair_needs_a_published_schedule(session):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="publish a schedule"):
        repair.repair_day(session=session)


def test_the_repair_refuses_while_the_draft_has_unpublished_hand_edits(convention, organiser):
    import datetime as dt

    from django.core.exceptions import ValidationError

    from maillage.matchmaking.services import editing
    from maillage.matchmaking.services.sessions import ensure_draft
    from tests.matchmaking.conftest import make_session

    # Twelve slots for five meetings each: any two people share a free slot whatever the
    # solver's schedule, so the accepted request below always finds a place.
    session = make_session(convention, day_end=dt.time(13))
    people = list(session.participants.order_by("id"))
    all_wish_all(people)
    build.schedule_now(session)
    release.publish(session=session, user=organiser)
    slots = list(session.slots.order_by("index"))
    assert not release.draft_has_changes(session)
    a, b = people[0], people[1]
    requests.accept_request(request=requests.send_request(sender=a, recipient=b), by=b)
    assert not release.draft_has_changes(session)  # booked in both versions at once
    edited = ensure_draft(session).meetings.filter(slot__index__gte=3).first()
    editing.remove_meeting(meeting=edited)  # a hand edit, not published
    assert release.draft_has_changes(session)
    with pytest.raises(ValidationError, match="publish the draft's changes"):
        repair.repair_day(session=session, user=organiser, now=slots[2].starts_at)
    assert not ensure_draft(session).meetings.filter(uid=edited.uid).exists()  # edit kept
    release.publish(session=session, user=organiser)
    v3, _summary = repair.repair_day(session=session, user=organiser, now=slots[2].starts_at)
    assert v3.version == 3


def test_the_day_page_says_why_the_repair_is_refused(client, session, people, organiser):
    from django.urls import reverse

    from maillage.matchmaking.services import editing
    from maillage.matchmaking.services.sessions import ensure_draft

    a, b, c, d, *_ = people
    for pair, table in (([a, b], 1), ([c, d], 2)):
        editing.add_meeting(
            schedule=ensure_draft(session),
            people=pair,
            slot=session.slots.get(index=0),
            table=session.tables.get(number=table),
        )
        if table == 1:
            release.publish(session=session, user=organiser)
    client.force_login(organiser)
    page = client.post(
        reverse("matchmaking:day", args=[session.pk]), {"action": "repair"}, follow=True
    )
    assert "publish the draft&#x27;s changes" in page.text
    assert published_schedule(session).version == 1
