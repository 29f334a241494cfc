"""Matchmaking API for organisers: the feedback figures of an event (all its sessions) —
how many past meetings got an answer, how many took place, and the outcomes
(``matchmaking.services.feedback.rates``, as the feedback page)."""

from __future__ import annotations

from ninja import Router, Schema

from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers
from maillage.api.session_access import managed_event
from maillage.matchmaking.services import feedback

router = Router(tags=["matchmaking: feedback"])


class OutcomeRateOut(Schema):
    outcome: str
    label: str
    answers: int
    percent: float  # of the answers


class RatesOut(Schema):
    meetings: int  # meetings of the published schedules that have started
    answered_meetings: int
    response_rate: float  # percent of the meetings
    answers: int
    took_place: int
    took_place_rate: float  # percent of the answers
    outcomes: list[OutcomeRateOut]


@router.get(
    "/matchmaking/events/{slug}/feedback-rates",
    response=answers({200: RatesOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def feedback_rates(request, slug: str):
    rates = feedback.rates(managed_event(request, slug))
    return {
        "meetings": rates.meetings,
        "answered_meetings": rates.answered_meetings,
        "response_rate": rates.response_rate,
        "answers": rates.answers,
        "took_place": rates.took_place,
        "took_place_rate": rates.took_place_rate,
        "outcomes": [
            {"outcome": o, "label": label, "answers": n, "percent": pct}
            for o, label, n, pct in rates.outcome_rates()
        ],
    }
