"""Feedback on meetings: each participant says whether it took place and what came of it.

Services (``give_feedback``) and the reads built on them: a participant's past meetings with
their answer, and the rates an organiser sees per event (``rates``), which reports reuse.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.events.models import Event
from maillage.matchmaking.enums import FeedbackOutcome, MeetingStatus, ScheduleStatus
from maillage.matchmaking.models import Feedback, Meeting, MeetingSeat, Participant, Schedule

Outcome = FeedbackOutcome


class NotRateable(ValidationError):
    """The meeting cannot be rated in its current state (not published, cancelled, not yet
    started): a conflict with the meeting, not bad input."""


def _published_schedule_ids(sessions_filter: Q) -> list[int]:
    """The last published version of each session matching the filter."""
    latest: dict[int, tuple[int, int]] = {}
    for sid, session_id, version in Schedule.objects.filter(
        sessions_filter, status=ScheduleStatus.PUBLISHED
    ).values_list("id", "session_id", "version"):
        if session_id not in latest or version > latest[session_id][1]:
            latest[session_id] = (sid, version)
    return [sid for sid, _v in latest.values()]


@transaction.atomic
def give_feedback(
    *,
    meeting: Meeting,
    author: Participant,
    took_place: bool,
    outcome: str = "",
    comment: str = "",
    now: dt.datetime | None = None,
) -> Feedback:
    """Record (or change) the author's feedback on a meeting of the published schedule."""
    now = now or timezone.now()
    meeting = Meeting.objects.select_related("slot", "schedule").get(pk=meeting.pk)
    if not MeetingSeat.objects.filter(meeting=meeting, participant=author).exists():
        raise PermissionDenied(_("Only the participants of a meeting may give feedback on it."))
    if meeting.schedule_id not in _published_schedule_ids(
        Q(session_id=meeting.schedule.session_id)
    ):
        raise NotRateable(_("This meeting is not in the published schedule."))
    if meeting.status != MeetingStatus.SCHEDULED:
        raise NotRateable(_("This meeting was cancelled: there is nothing to rate."))
    if meeting.slot.starts_at > now:
        raise NotRateable(
            _("This meeting has not started yet; give your feedback once it has taken place.")
        )
    if not took_place:
        outcome = Outcome.DID_NOT_TAKE_PLACE
    elif outcome == Outcome.DID_NOT_TAKE_PLACE:
        raise ValidationError(
            {"outcome": _("You said the meeting took place: choose what came of it.")}
        )
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Choose an outcome from the list.")})
    feedback, _created = Feedback.objects.update_or_create(
        meeting=meeting,
        author=author,
        defaults={"took_place": took_place, "outcome": outcome, "comment": (comment or "").strip()},
    )
    return feedback


def past_meetings(participants: list[Participant], *, now: dt.datetime | None = None):
    """The participants' meetings of the published schedules that have started, with their
    own feedback (``my_feedback``: a list of 0 or 1 item) and the other people prefetched."""
    now = now or timezone.now()
    ids = [p.pk for p in participants]
    schedules = _published_schedule_ids(Q(session__participants__id__in=ids))
    seats = MeetingSeat.objects.select_related(
        "participant__registration__person", "participant__registration__organisation"
    )
    return (
        Meeting.objects.filter(
            schedule_id__in=schedules,
            status=MeetingStatus.SCHEDULED,
            seats__participant_id__in=ids,
            slot__starts_at__lte=now,
        )
        .distinct()
        .select_related("slot", "table", "room", "schedule__session__event")
        .prefetch_related(
            Prefetch("seats", queryset=seats),
            Prefetch(
                "feedback",
                queryset=Feedback.objects.filter(author_id__in=ids),
                to_attr="my_feedback",
            ),
        )
        .order_by("-slot__starts_at", "id")
    )


@dataclass
class Rates:
    meetings: int = 0  # meetings of the published schedules that have started
    answered_meetings: int = 0  # with at least one answer
    answers: int = 0
    took_place: int = 0  # answers saying it took place
    outcomes: dict[str, int] = field(default_factory=dict)  # answers per outcome

    @staticmethod
    def _share(part: int, whole: int) -> float:
        return round(100.0 * part / whole, 1) if whole else 0.0

    @property
    def response_rate(self) -> float:
        return self._share(self.answered_meetings, self.meetings)

    @property
    def took_place_rate(self) -> float:
        return self._share(self.took_place, self.answers)

    def outcome_rates(self) -> list[tuple[str, str, int, float]]:
        """(outcome, label, answers, percentage of answers) in the order of the choices."""
        return [
            (
                value,
                str(label),
                self.outcomes.get(value, 0),
                self._share(self.outcomes.get(value, 0), self.answers),
            )
            for value, label in Outcome.choices
        ]


def rates(event: Event, *, now: dt.datetime | None = None) -> Rates:
    """Feedback figures of an event (all its sessions), in three queries."""
    now = now or timezone.now()
    schedules = _published_schedule_ids(Q(session__event=event))
    meetings = Meeting.objects.filter(
        schedule_id__in=schedules, status=MeetingStatus.SCHEDULED, slot__starts_at__lte=now
    )
    counts = meetings.aggregate(
        total=Count("id", distinct=True),
        answered=Count("id", filter=Q(feedback__isnull=False), distinct=True),
    )
    answers = Feedback.objects.filter(meeting__in=meetings)
    outcomes = dict(answers.values_list("outcome").annotate(n=Count("id")).order_by())
    return Rates(
        meetings=counts["total"],
        answered_meetings=counts["answered"],
        answers=sum(outcomes.values()),
        took_place=answers.filter(took_place=True).count(),
        outcomes=outcomes,
    )
