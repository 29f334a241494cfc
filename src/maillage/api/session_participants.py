"""Matchmaking API for organisers: a session's participants with their counts (meetings in the
draft, wishes given), and how each one meets — on site or online, their maximum, the slots they
cannot do. Staff of the event's organisers only, as the participants pages.
"""

from __future__ import annotations

from ninja import Field, Router, Schema

from maillage.api import session_access
from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers
from maillage.api.session_access import managed_session, participant_of
from maillage.api.session_schemas import SessionPersonOut, person_json
from maillage.api.texts import MAX_ITEMS
from maillage.matchmaking.enums import AttendMode
from maillage.matchmaking.models import Participant
from maillage.matchmaking.selectors import schedules
from maillage.matchmaking.services import sessions

router = Router(tags=["matchmaking: set-up"])


class ParticipantRowOut(Schema):
    person: SessionPersonOut
    mode: str
    max_meetings: int | None
    meetings: int  # active meetings in the draft
    wishes: int  # wishes this participant gave
    absent_from_slot: int | None  # a slot id: absent from it on (on the day)
    late: bool


class SettingsIn(Schema):
    mode: AttendMode
    max_meetings: int | None = Field(None, ge=0, le=10_000)  # null: the type's or session's
    unavailable_slots: list[int] = Field([], max_length=MAX_ITEMS)  # slot ids


class SettingsOut(Schema):
    person: SessionPersonOut
    mode: str
    max_meetings: int | None
    limit: int | None  # what applies: their own, else their type's, else the session's
    unavailable_slots: list[int]


def _settings_out(p: Participant) -> dict:
    return {
        "person": person_json(p),
        "mode": p.mode,
        "max_meetings": p.max_meetings,
        "limit": p.meeting_limit(),
        "unavailable_slots": sorted(p.unavailable_slots.values_list("id", flat=True)),
    }


@router.get(
    "/matchmaking/sessions/{session_id}/participants",
    response=answers({200: list[ParticipantRowOut]}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def list_participants(request, session_id: int):
    """The session's participants by name, with their meetings in the draft and their wishes."""
    session = managed_session(request, session_id)
    return [
        {
            "person": person_json(p),
            "mode": p.mode,
            "max_meetings": p.max_meetings,
            "meetings": p.n_meetings,
            "wishes": p.n_wishes,
            "absent_from_slot": p.absent_from_slot_id,
            "late": p.is_late_registrant,
        }
        for p in schedules.participants(session)
    ]


@router.get(
    "/matchmaking/sessions/{session_id}/participants/{participant_id}/settings",
    response=answers({200: SettingsOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def participant_settings(request, session_id: int, participant_id: int):
    session = managed_session(request, session_id)
    return _settings_out(participant_of(session, participant_id))


@router.put(
    "/matchmaking/sessions/{session_id}/participants/{participant_id}/settings",
    response=answers({200: SettingsOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def set_participant_settings(request, session_id: int, participant_id: int, payload: SettingsIn):
    """How this participant meets; the optimiser and hand edits follow it."""
    session = managed_session(request, session_id)
    participant = participant_of(session, participant_id)
    slots = session_access.slots(session, payload.unavailable_slots, field="unavailable_slots")
    sessions.set_participant_settings(
        participant=participant,
        mode=payload.mode,
        max_meetings=payload.max_meetings,
        unavailable_slots=slots,
    )
    return _settings_out(participant)
