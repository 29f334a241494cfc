"""Shapes the organisers' matchmaking operations share: slots, participants as staff see them,
meetings of a schedule and the grid of a schedule (rows = slots, columns = tables then rooms).

Public names: other API modules may import them.
"""

from __future__ import annotations

from datetime import datetime

from ninja import Schema

from maillage.matchmaking.models import Meeting, MeetingSlot, Participant


class SlotOut(Schema):
    id: int
    index: int  # 0-based, in time order
    day: int  # 0-based day of the session
    half: str
    starts_at: datetime
    ends_at: datetime


def slot_json(s: MeetingSlot) -> dict:
    return {
        "id": s.id,
        "index": s.index,
        "day": s.day,
        "half": s.half,
        "starts_at": s.starts_at,
        "ends_at": s.ends_at,
    }


class SessionPersonOut(Schema):
    participant: int
    name: str
    organisation: str | None
    participation_type: str


def person_json(p: Participant) -> dict:
    reg = p.registration
    return {
        "participant": p.id,
        "name": str(reg.person),
        "organisation": str(reg.organisation) if reg.organisation_id else None,
        "participation_type": reg.participation_type,
    }


class ScheduleMeetingOut(Schema):
    id: int
    uid: str
    slot: SlotOut
    table: int | None
    table_name: str | None
    room: int | None
    room_name: str | None
    participants: list[SessionPersonOut]
    source: str
    locked: bool
    status: str


def meeting_json(m: Meeting) -> dict:
    return {
        "id": m.id,
        "uid": str(m.uid),
        "slot": slot_json(m.slot),
        "table": m.table_id,
        "table_name": str(m.table) if m.table_id else None,
        "room": m.room_id,
        "room_name": str(m.room) if m.room_id else None,
        "participants": [person_json(m.participant_a), person_json(m.participant_b)],
        "source": m.source,
        "locked": m.locked,
        "status": m.status,
    }


class GridRowOut(Schema):
    slot: SlotOut
    cells: list[ScheduleMeetingOut | None]  # one per column; null: the place is free


class GridOut(Schema):
    columns: list[str]  # tables then online rooms
    rows: list[GridRowOut]


def grid_json(grid: dict) -> dict:
    """``matchmaking.selectors.schedules.grid`` as the API shows it."""
    return {
        "columns": grid["columns"],
        "rows": [
            {
                "slot": slot_json(row["slot"]),
                "cells": [meeting_json(m) if m is not None else None for m in row["cells"]],
            }
            for row in grid["rows"]
        ],
    }
