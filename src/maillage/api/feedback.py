"""Matchmaking API: the caller's feedback on their meetings — the meetings of the published
schedule that have started, with the answer given so far, and giving or changing an answer.

As the feedback page: only the meeting's participants answer (403 for anyone else), and only
once it has started in the published schedule and was not cancelled (409 otherwise); the
service ``matchmaking.services.feedback`` decides all of it.
"""

from __future__ import annotations

from datetime import datetime

from ninja import Router, Schema

from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers, not_found
from maillage.api.matchmaking import ParticipantOut, participant_json, session_of, taking_part
from maillage.api.texts import Text
from maillage.matchmaking.enums import FeedbackOutcome
from maillage.matchmaking.models import Feedback, Meeting
from maillage.matchmaking.services import feedback

router = Router(tags=["matchmaking: feedback"])


class FeedbackOut(Schema):
    took_place: bool
    outcome: str
    comment: str
    updated_at: datetime


class MeetingToRateOut(Schema):
    meeting: int  # the id to give feedback on
    uid: str
    starts_at: datetime
    ends_at: datetime
    place: str
    with_: list[ParticipantOut]
    feedback: FeedbackOut | None  # the caller's answer so far


class FeedbackIn(Schema):
    took_place: bool
    # Required when the meeting took place; ignored otherwise.
    outcome: FeedbackOutcome | None = None
    comment: Text = ""


def _feedback_out(f: Feedback) -> dict:
    return {
        "took_place": f.took_place,
        "outcome": f.outcome,
        "comment": f.comment,
        "updated_at": f.updated_at,
    }


@router.get(
    "/matchmaking/sessions/{session_id}/feedback",
    response=answers({200: list[MeetingToRateOut]}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def my_feedback(request, session_id: int):
    """The caller's meetings that have started, latest first, each with their answer so far."""
    me = taking_part(request, session_of(session_id))
    rows = []
    for m in feedback.past_meetings([me]):
        given = m.my_feedback[0] if m.my_feedback else None
        rows.append(
            {
                "meeting": m.pk,
                "uid": str(m.uid),
                "starts_at": m.slot.starts_at,
                "ends_at": m.slot.ends_at,
                "place": str(m.table or m.room or ""),
                "with_": [
                    participant_json(s.participant)
                    for s in m.seats.all()
                    if s.participant_id != me.pk
                ],
                "feedback": _feedback_out(given) if given else None,
            }
        )
    return rows


@router.put(
    "/matchmaking/sessions/{session_id}/feedback/{meeting_id}",
    response=answers({200: FeedbackOut}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
)
def give_feedback(request, session_id: int, meeting_id: int, payload: FeedbackIn):
    """Say whether the meeting took place and what came of it; a second answer replaces the
    first."""
    session = session_of(session_id)
    me = taking_part(request, session)
    meeting = Meeting.objects.filter(pk=meeting_id, schedule__session=session).first()
    if meeting is None:
        raise not_found("meeting")
    given = feedback.give_feedback(
        meeting=meeting,
        author=me,
        took_place=payload.took_place,
        outcome=payload.outcome or "",
        comment=payload.comment,
    )
    return _feedback_out(given)
