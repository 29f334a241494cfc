"""Matchmaking API: the other participants of a session the caller takes part in, each with the
caller's wish about them — the list the wishes page and the self-booking page choose from
(a wish is set with PUT .../wishes/{participant_id}, a meeting asked with POST .../requests,
a free slot booked with POST .../bookings).
"""

from __future__ import annotations

from datetime import datetime

from ninja import Router, Schema

from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers
from maillage.api.matchmaking import session_of, taking_part
from maillage.matchmaking.selectors import schedules
from maillage.matchmaking.services import wishes

router = Router(tags=["matchmaking"])


class OtherParticipantOut(Schema):
    participant: int
    name: str
    organisation: str | None
    participation_type: str
    wish: str | None  # the caller's wish about them: must_meet, would_like, no_thanks


class PeopleInSessionOut(Schema):
    wishes_open: bool  # wishes may be set or changed until the deadline
    wish_deadline: datetime | None
    self_booking: bool  # free slots may be booked once the schedule is published
    people: list[OtherParticipantOut]


@router.get(
    "/matchmaking/sessions/{session_id}/people",
    response=answers({200: PeopleInSessionOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def other_participants(request, session_id: int):
    """The session's other participants, by organisation and name, with the caller's wishes."""
    session = session_of(session_id)
    me = taking_part(request, session)
    me.session = session
    marks = schedules.own_wishes(me)
    return {
        "wishes_open": wishes.wishes_open(session),
        "wish_deadline": session.wish_deadline,
        "self_booking": session.self_booking,
        "people": [
            {
                "participant": p.pk,
                "name": p.person_name,
                "organisation": str(p.registration.organisation)
                if p.registration.organisation_id
                else None,
                "participation_type": p.registration.participation_type,
                "wish": marks.get(p.pk),
            }
            for p in schedules.others(me)
        ],
    }
