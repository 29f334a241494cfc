"""Matchmaking API: the people the caller should meet in a session, and why.

The same ranking as the recommendations page (``matchmaking.services.profiles``): an offer
that answers a request comes first, then likeness of the profiles, then shared sectors. Each
proposal carries its reasons; a request (POST .../requests) or a wish (PUT .../wishes/{id})
follows from it.
"""

from __future__ import annotations

from ninja import Query, Router, Schema

from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers
from maillage.api.matchmaking import ParticipantOut, participant_json, session_of, taking_part
from maillage.matchmaking.services import profiles

router = Router(tags=["matchmaking: recommendations"])


class ReasonOut(Schema):
    # their_offer: their offer answers my request; my_offer: mine answers theirs;
    # sectors: shared sectors; similar: common interests.
    kind: str
    mine: str  # the title of the caller's opportunity
    theirs: str  # the title of theirs
    words: list[str]  # shared sectors, or the words the two profiles have in common
    mine_id: int | None
    theirs_id: int | None


class RecommendationOut(Schema):
    participant: ParticipantOut
    score: float
    answers_a_request: bool
    reasons: list[ReasonOut]


@router.get(
    "/matchmaking/sessions/{session_id}/recommendations",
    response=answers({200: list[RecommendationOut]}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def people_to_meet(request, session_id: int, limit: int = Query(20, ge=1, le=100)):
    """The participants the caller should meet, best first, with the reasons."""
    session = session_of(session_id)
    me = taking_part(request, session)
    return [
        {
            "participant": participant_json(person),
            "score": round(r.score, 4),
            "answers_a_request": r.answers_a_request,
            "reasons": [
                {
                    "kind": str(reason.kind),
                    "mine": reason.mine,
                    "theirs": reason.theirs,
                    "words": list(reason.words),
                    "mine_id": reason.mine_id,
                    "theirs_id": reason.theirs_id,
                }
                for reason in r.reasons
            ],
        }
        for r, person in profiles.people_to_meet(session, me, limit=limit)
    ]
