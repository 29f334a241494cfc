"""Publishing versions: frozen, archived, new draft as a copy, only the changes are told."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from maillage.events.tokens import calendar_feed_url
from maillage.matchmaking.enums import ChangeKind, ScheduleStatus
from maillage.matchmaking.models import ScheduleChangeNotice
from maillage.matchmaking.scheduling import release
from maillage.matchmaking.services import editing
from maillage.matchmaking.services.sessions import ensure_draft

pytestmark = pytest.mark.django_db


def slot(session, i):
    return session.slots.get(index=i)


def table(session, n):
    return session.tables.get(number=n)


def test_an_empty_draft_cannot_be_published(session):
    with pytest.raises(ValidationError, match="no meetings"):
        release.publish(session=session)


def test_publish_then_only_the_changes_are_told(
    session, people, organiser, django_capture_on_commit_callbacks
):
    a, b, c, d, e, f = people
    draft = ensure_draft(session)
    m_ab = editing.add_meeting(
        schedule=draft, people=[a, b], slot=slot(session, 0), table=table(session, 1)
    )
    editing.add_meeting(
        schedule=draft, people=[c, d], slot=slot(session, 0), table=table(session, 2)
    )
    with django_capture_on_commit_callbacks(execute=True):
        v1 = release.publish(session=session, user=organiser, name="First")
    assert (v1.version, v1.status, v1.published_by) == (1, ScheduleStatus.PUBLISHED, organiser)
    assert len(mail.outbox) == 4  # everyone with a meeting hears of it the first time
    [to_a] = [m for m in mail.outbox if m.to == [a.registration.person.email]]
    assert "Company 1" in to_a.body
    assert f"http://127.0.0.1:8000/matchmaking/sessions/{session.pk}/agenda/" in to_a.body
    assert calendar_feed_url(a.registration) in to_a.body  # the ICS subscription, personal
    assert calendar_feed_url(b.registration) not in to_a.body

    new_draft = ensure_draft(session)
    assert new_draft.pk != v1.pk
    copied = new_draft.meetings.get(participant_a=a)
    assert copied.uid == m_ab.uid  # calendars replace rather than duplicate
    editing.move_meeting(meeting=copied, slot=slot(session, 2), table=table(session, 1))
    editing.add_meeting(
        schedule=new_draft, people=[e, f], slot=slot(session, 1), table=table(session, 1)
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        v2 = release.publish(session=session, user=organiser)
    v1.refresh_from_db()
    assert v1.status == ScheduleStatus.ARCHIVED and v2.version == 2
    told = {n.participant_id: n.changes for n in ScheduleChangeNotice.objects.filter(schedule=v2)}
    assert set(told) == {a.id, b.id, e.id, f.id}  # c and d: nothing changed, nothing said
    assert told[a.id][0]["kind"] == ChangeKind.MOVED and told[a.id][0]["with"] == ["Company 1"]
    assert told[e.id][0]["kind"] == ChangeKind.ADDED
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        p.registration.person.email for p in (a, b, e, f)
    )
    assert v1.meetings.get(participant_a=a).slot.index == 0  # the old version stays as it was


def test_a_removed_meeting_is_told_as_cancelled(session, people):
    a, b, *_ = people
    editing.add_meeting(
        schedule=ensure_draft(session),
        people=[a, b],
        slot=slot(session, 0),
        table=table(session, 1),
    )
    release.publish(session=session)
    draft = ensure_draft(session)
    editing.add_meeting(
        schedule=draft,
        people=[people[2], people[3]],
        slot=slot(session, 0),
        table=table(session, 2),
    )
    editing.remove_meeting(meeting=draft.meetings.get(participant_a=a))
    v2 = release.publish(session=session)
    kinds = {n.participant_id: n.changes[0]["kind"] for n in v2.notices.all()}
    assert kinds[a.id] == kinds[b.id] == ChangeKind.REMOVED
