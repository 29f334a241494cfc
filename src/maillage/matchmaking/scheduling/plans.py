"""Plans: a schedule as plain data (JSON), and writing one into the draft.

A plan lists the meetings (participants, slot, table or room, source, weight, locked, request)
by database ids, so that it outlives the solver's indices: a stopped run keeps its best plan for
the organiser to apply later.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import TYPE_CHECKING

from django.db import transaction

from maillage.matchmaking.enums import MeetingStatus
from maillage.matchmaking.models import Meeting, MeetingSeat, MeetingSession, Schedule
from maillage.matchmaking.services.sessions import ensure_draft, published_schedule
from meetsolver import Solution

if TYPE_CHECKING:
    from maillage.matchmaking.scheduling.build import Built


def plan_of(built: Built, solution: Solution) -> list[dict]:
    """A solution as plain data (JSON), independent of the instance's indices."""
    plan = []
    for a in solution.assignments:
        w = built.wanted[a.request]
        plan.append(
            {
                "people": list(w.people),
                "slot": built.slots[a.slot].id,
                "table": built.table_ids[a.table] if a.table is not None else None,
                "room": built.room_ids[a.room] if a.room is not None else None,
                "source": w.source,
                "weight": w.weight,
                "locked": w.locked,
                "request": w.request_id,
            }
        )
    return plan


def save_plan(*, session: MeetingSession, plan: list[dict]) -> Schedule:
    """Replace the draft's meetings by ``plan`` in one transaction (uids kept for known pairs)."""
    with transaction.atomic():
        draft = Schedule.objects.select_for_update().get(pk=ensure_draft(session).pk)
        uids = _known_uids(session, draft)
        draft.meetings.all().delete()
        meetings = [
            Meeting(
                schedule=draft,
                uid=uids.get(frozenset(item["people"])) or uuid.uuid4(),
                participant_a_id=item["people"][0],
                participant_b_id=item["people"][1],
                slot_id=item["slot"],
                table_id=item["table"],
                room_id=item["room"],
                source=item["source"],
                weight=item["weight"],
                locked=item["locked"],
                request_id=item["request"],
                status=MeetingStatus.SCHEDULED,
            )
            for item in plan
        ]
        Meeting.objects.bulk_create(meetings, batch_size=2000)
        if any(m.pk is None for m in meetings):  # databases that do not return ids
            ids = dict(draft.meetings.values_list("uid", "id"))
            for m in meetings:
                m.pk = ids[m.uid]
        MeetingSeat.objects.bulk_create(
            [
                MeetingSeat(meeting_id=m.pk, participant_id=p, schedule=draft, slot_id=item["slot"])
                for m, item in zip(meetings, plan, strict=True)
                for p in item["people"]
            ],
            batch_size=5000,
        )
    return draft


def _known_uids(session: MeetingSession, draft: Schedule) -> dict[frozenset, uuid.UUID]:
    """uid of each pair's meeting in the published version, else in the draft."""
    uids: dict[frozenset, uuid.UUID] = {}
    sources = [draft]
    published = published_schedule(session)
    if published is not None:
        sources.append(published)  # later wins: the published uid is what calendars know
    for schedule in sources:
        people = defaultdict(list)
        for m_id, p_id in MeetingSeat.objects.filter(schedule=schedule).values_list(
            "meeting_id", "participant_id"
        ):
            people[m_id].append(p_id)
        for m_id, uid in schedule.meetings.scheduled().values_list("id", "uid"):
            uids[frozenset(people[m_id])] = uid
    return uids
