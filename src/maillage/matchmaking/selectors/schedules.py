"""Reusable reads of the scheduling side: grids, lists, runs, versions, inboxes."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Q

from maillage.matchmaking.enums import ScheduleStatus
from maillage.matchmaking.models import (
    Meeting,
    MeetingRequest,
    MeetingSession,
    Participant,
    Schedule,
    ScheduleRun,
    Wish,
)


def participants(session: MeetingSession):
    return (
        session.participants.with_people()
        .select_related("absent_from_slot")
        .annotate(
            n_meetings=Count(
                "seats",
                filter=Q(
                    seats__active=True,
                    seats__schedule__session=session,
                    seats__schedule__status=ScheduleStatus.DRAFT,
                ),
                # distinct: the wishes' join multiplies the seats' rows (40 x 40 = 1600).
                distinct=True,
            ),
            n_wishes=Count("wishes", distinct=True),
        )
        .order_by("registration__person__last_name", "registration__person__first_name", "id")
    )


def meetings(schedule: Schedule):
    return (
        schedule.meetings.scheduled()
        .with_details()
        .order_by("slot__index", "table__number", "room__id", "id")
    )


def grid(session: MeetingSession, schedule: Schedule) -> dict:
    """Rows = slots, columns = tables then rooms, cells = meetings (for the organiser's grid)."""
    slots = list(session.slots.order_by("index"))
    tables = list(session.tables.order_by("number"))
    rooms = list(session.online_rooms.order_by("id"))
    cells = {}
    for m in meetings(schedule):
        key = ("t", m.table_id) if m.table_id else ("r", m.room_id)
        cells[(m.slot_id, key)] = m
    columns = [("t", t.id, str(t)) for t in tables] + [("r", r.id, str(r)) for r in rooms]
    rows = [
        {"slot": s, "cells": [cells.get((s.id, (kind, pk))) for kind, pk, _label in columns]}
        for s in slots
    ]
    return {"columns": [label for _k, _p, label in columns], "rows": rows}


def by_participant(schedule: Schedule) -> list[tuple[Participant, list[Meeting]]]:
    seen: dict[int, list[Meeting]] = defaultdict(list)
    people: dict[int, Participant] = {}
    for m in meetings(schedule):
        for p in (m.participant_a, m.participant_b):
            seen[p.id].append(m)
            people[p.id] = p
    return sorted(((people[i], ms) for i, ms in seen.items()), key=lambda x: str(x[0]))


def latest_run(session: MeetingSession) -> ScheduleRun | None:
    return session.runs.order_by("-created_at", "-id").first()


def versions(session: MeetingSession):
    return (
        session.schedules.exclude(status=ScheduleStatus.DRAFT)
        .select_related("published_by")
        .annotate(
            n_meetings=Count("meetings", filter=Q(meetings__status="scheduled"), distinct=True)
        )
        .annotate(n_told=Count("notices", distinct=True))
        .order_by("-version")
    )


def notices(schedule: Schedule):
    """What each participant was told of a published version, by name."""
    return schedule.notices.select_related(
        "participant__registration__person", "participant__registration__organisation"
    ).order_by("participant__registration__person__last_name", "participant_id")


def absent(session: MeetingSession):
    """The participants marked absent on the day, with the slot they are absent from."""
    return (
        session.participants.with_people()
        .filter(absent_from_slot__isnull=False)
        .select_related("absent_from_slot__session__event")
        .order_by("registration__person__last_name", "id")
    )


def inbox(participant: Participant):
    return (
        MeetingRequest.objects.filter(recipient=participant)
        .select_related("sender__registration__person", "sender__registration__organisation")
        .order_by("-created_at")
    )


def outbox(participant: Participant):
    return (
        MeetingRequest.objects.filter(sender=participant)
        .select_related("recipient__registration__person", "recipient__registration__organisation")
        .order_by("-created_at")
    )


def own_wishes(participant: Participant) -> dict[int, str]:
    return dict(Wish.objects.filter(author=participant).values_list("target_id", "level"))


def others(participant: Participant):
    return (
        participant.session.participants.with_people()
        .exclude(pk=participant.pk)
        .exclude(registration__status__in=("cancelled", "declined"))
        .order_by("registration__organisation__name", "registration__person__last_name", "id")
    )
