"""Hand edits of the draft: conflicts are refused with a sentence naming who is in the way."""

from __future__ import annotations

import pytest

from maillage.matchmaking.models import Meeting
from maillage.matchmaking.scheduling import release
from maillage.matchmaking.services import editing
from maillage.matchmaking.services.placement import ScheduleConflict
from maillage.matchmaking.services.sessions import ensure_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(session):
    return ensure_draft(session)


def slot(session, i):
    return session.slots.get(index=i)


def table(session, n):
    return session.tables.get(number=n)


def test_add_refuses_a_busy_participant(session, people, draft):
    a, b, c, *_ = people
    editing.add_meeting(
        schedule=draft, people=[a, b], slot=slot(session, 1), table=table(session, 1)
    )
    with pytest.raises(ScheduleConflict) as err:
        editing.add_meeting(
            schedule=draft, people=[a, c], slot=slot(session, 1), table=table(session, 2)
        )
    assert err.value.messages[0] == "Person0 Martin already meets Company 1 in slot 09:20."


def test_add_refuses_a_taken_table(session, people, draft):
    a, b, c, d, *_ = people
    editing.add_meeting(
        schedule=draft, people=[a, b], slot=slot(session, 0), table=table(session, 1)
    )
    with pytest.raises(
        ScheduleConflict, match="Table 1 is already taken in slot 09:00 by Company 0 and Company 1"
    ):
        editing.add_meeting(
            schedule=draft, people=[c, d], slot=slot(session, 0), table=table(session, 1)
        )


def test_move_and_swap(session, people, draft):
    a, b, c, d, *_ = people
    m1 = editing.add_meeting(
        schedule=draft, people=[a, b], slot=slot(session, 0), table=table(session, 1)
    )
    m2 = editing.add_meeting(
        schedule=draft, people=[c, d], slot=slot(session, 1), table=table(session, 2)
    )
    editing.move_meeting(meeting=m1, slot=slot(session, 2), table=table(session, 3))
    m1.refresh_from_db()
    assert (m1.slot.index, m1.table.number) == (2, 3)
    editing.swap_meetings(first=m1, second=m2)
    m1.refresh_from_db()
    m2.refresh_from_db()
    assert (m1.slot.index, m1.table.number) == (1, 2)
    assert (m2.slot.index, m2.table.number) == (2, 3)
    assert set(m1.seats.values_list("slot__index", flat=True)) == {1}


def test_move_into_a_conflict_is_refused_and_nothing_changes(session, people, draft):
    a, b, c, *_ = people
    m1 = editing.add_meeting(
        schedule=draft, people=[a, b], slot=slot(session, 0), table=table(session, 1)
    )
    editing.add_meeting(
        schedule=draft, people=[a, c], slot=slot(session, 1), table=table(session, 1)
    )
    with pytest.raises(
        ScheduleConflict, match="Person0 Martin already meets Company 2 in slot 09:20"
    ):
        editing.move_meeting(meeting=m1, slot=slot(session, 1), table=table(session, 2))
    m1.refresh_from_db()
    assert m1.slot.index == 0


def test_unavailable_and_reserved_tables(session, people, draft):
    a, b, c, d, *_ = people
    a.unavailable_slots.add(slot(session, 3))
    with pytest.raises(ScheduleConflict, match="not available in slot 10:00"):
        editing.add_meeting(
            schedule=draft, people=[a, b], slot=slot(session, 3), table=table(session, 1)
        )
    t = table(session, 2)
    t.reserved_for = c
    t.save()
    with pytest.raises(ScheduleConflict, match="Table 2 is reserved for Company 2"):
        editing.add_meeting(schedule=draft, people=[a, b], slot=slot(session, 0), table=t)
    editing.add_meeting(schedule=draft, people=[c, d], slot=slot(session, 0), table=t)


def test_lock_and_remove_and_published_versions_are_frozen(session, people, draft):
    a, b, *_ = people
    m = editing.add_meeting(
        schedule=draft, people=[a, b], slot=slot(session, 0), table=table(session, 1)
    )
    editing.set_locked(meeting=m, locked=True)
    assert Meeting.objects.get(pk=m.pk).locked
    version = release.publish(session=session)
    frozen = version.meetings.get()
    with pytest.raises(ScheduleConflict, match="published and frozen"):
        editing.remove_meeting(meeting=frozen)
    new_draft = ensure_draft(session)
    editing.remove_meeting(meeting=new_draft.meetings.get())
    assert not new_draft.meetings.exists() and version.meetings.count() == 1


def test_refusals_speak_french(session, people, draft):
    from django.core.management import call_command
    from django.utils import translation

    call_command("compiletranslations", verbosity=0)
    a, b, c, *_ = people
    editing.add_meeting(
        schedule=draft, people=[a, b], slot=slot(session, 1), table=table(session, 1)
    )
    with translation.override("fr"), pytest.raises(ScheduleConflict) as err:
        editing.add_meeting(
            schedule=draft, people=[a, c], slot=slot(session, 1), table=table(session, 2)
        )
    assert err.value.messages[0] == "Person0 Martin rencontre déjà Company 1 au créneau de 09:20."
