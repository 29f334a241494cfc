"""Matchmaking API for organisers, on the day: who is absent (from which slot on), marking a
participant absent or present again, and re-planning the rest of the day from the published
schedule (``matchmaking.scheduling.repair``), published at once as a new version.
"""

from __future__ import annotations

from ninja import Router, Schema, Status

from maillage.api import session_access
from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers, state_change
from maillage.api.session_access import managed_session, participant_of
from maillage.api.session_schemas import SessionPersonOut, SlotOut, person_json, slot_json
from maillage.matchmaking.scheduling import repair
from maillage.matchmaking.selectors import schedules

router = Router(tags=["matchmaking: schedule"])


class AbsenceIn(Schema):
    from_slot: int  # a slot id of the session: absent from it on


class AbsenceOut(Schema):
    person: SessionPersonOut
    from_slot: SlotOut


class RepairOut(Schema):
    version: int  # the version published by the re-plan
    from_slot: int  # the index of the first slot re-planned
    changed_meetings: int
    participants_told: int
    meetings: int


def _absence(p) -> dict:
    return {"person": person_json(p), "from_slot": slot_json(p.absent_from_slot)}


@router.get(
    "/matchmaking/sessions/{session_id}/absences",
    response=answers({200: list[AbsenceOut]}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def list_absences(request, session_id: int):
    """The participants marked absent, with the slot they are absent from."""
    session = managed_session(request, session_id)
    return [_absence(p) for p in schedules.absent(session)]


@router.put(
    "/matchmaking/sessions/{session_id}/participants/{participant_id}/absence",
    response=answers({200: AbsenceOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def mark_absent(request, session_id: int, participant_id: int, payload: AbsenceIn):
    """Absent from this slot on; re-plan the day when ready (POST …/repairs)."""
    session = managed_session(request, session_id)
    participant = participant_of(session, participant_id)
    slot = session_access.slot(session, payload.from_slot, field="from_slot")
    return _absence(repair.mark_absent(participant=participant, from_slot=slot))


@router.delete(
    "/matchmaking/sessions/{session_id}/participants/{participant_id}/absence",
    response=answers({204: None}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def mark_present(request, session_id: int, participant_id: int):
    """Present after all: the participant may be given meetings again."""
    session = managed_session(request, session_id)
    repair.mark_present(participant=participant_of(session, participant_id))
    return Status(204, None)


@router.post(
    "/matchmaking/sessions/{session_id}/repairs",
    response=answers({201: RepairOut}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
)
def repair_day(request, session_id: int):
    """Re-plan from the next slot on, keeping every published meeting it can, and publish it:
    only the participants whose meetings changed are told. Takes up to twenty seconds."""
    session = managed_session(request, session_id)
    with state_change():
        version, summary = repair.repair_day(session=session, user=request.user)
    return Status(201, {"version": version.version, **summary})
