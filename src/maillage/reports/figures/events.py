"""Figures of the events of a period: participants, B2B meetings and their feedback.

The events of a period are the published events organised by an organisation of the scope
whose start falls on a day of the period (platform time zone): an event across the 31 December
counts in the year it starts. Meetings and feedback are those of these events' sessions, taken
from the last published schedule of each session, as ``matchmaking.feedback.rates`` does.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from functools import cached_property

from django.db.models import Count, Q
from django.utils import timezone

from maillage.events.enums import EventKind, EventStatus, RegistrationStatus
from maillage.events.models import Event, Registration
from maillage.matchmaking.enums import FeedbackOutcome, MeetingStatus, ScheduleStatus, WishLevel
from maillage.matchmaking.models import (
    Feedback,
    Meeting,
    MeetingRequest,
    MeetingSeat,
    MeetingSession,
    Participant,
    Schedule,
    Wish,
)
from maillage.reports.figures.types import (
    Count as Row,
)
from maillage.reports.figures.types import (
    EventFigures,
    EventLine,
    FeedbackFigures,
    MeetingFigures,
)
from maillage.reports.periods import Period

ASKING_LEVELS = (WishLevel.MUST_MEET, WishLevel.WOULD_LIKE)


def share(part: int, whole: int) -> float:
    """Percentage with one decimal; 0.0 when there is nothing to divide."""
    return round(100.0 * part / whole, 1) if whole else 0.0


def months(period: Period) -> list[str]:
    first = period.start.replace(day=1)
    out = []
    while first <= period.end:
        out.append(f"{first.year:04d}-{first.month:02d}")
        first = (first + dt.timedelta(days=32)).replace(day=1)
    return out


def events_of_period(organisation_ids, period: Period):
    first, after = period.bounds()
    return Event.objects.filter(
        organisers__in=organisation_ids,
        status=EventStatus.PUBLISHED,
        starts_at__gte=first,
        starts_at__lt=after,
    ).distinct()


def published_schedule_ids(event_ids) -> list[int]:
    """The last published version of each session of the events."""
    latest: dict[int, tuple[int, int]] = {}
    rows = Schedule.objects.filter(
        session__event_id__in=event_ids, status=ScheduleStatus.PUBLISHED
    ).values_list("id", "session_id", "version")
    for sid, session_id, version in rows:
        if session_id not in latest or version > latest[session_id][1]:
            latest[session_id] = (sid, version)
    return sorted(sid for sid, _v in latest.values())


def attended(organisation_ids, period: Period) -> dict[str, int]:
    """Published events of the period organised by no organisation of the scope where
    confirmed participants came from the scope: from one of its organisations or from an
    organisation one of its parks hosts."""
    first, after = period.bounds()
    ids = list(organisation_ids)
    counts = (
        Registration.objects.filter(
            Q(organisation_id__in=ids) | Q(organisation__host_park_id__in=ids),
            status=RegistrationStatus.CONFIRMED,
            event__status=EventStatus.PUBLISHED,
            event__starts_at__gte=first,
            event__starts_at__lt=after,
        )
        .exclude(
            event_id__in=Event.organisers.through.objects.filter(organisation_id__in=ids).values(
                "event_id"
            )
        )
        .aggregate(events=Count("event_id", distinct=True), delegates=Count("id"))
    )
    return counts


class Events:
    """The events of a scope and period, loaded once and shared by the figures below."""

    def __init__(self, organisation_ids, period: Period, now: dt.datetime):
        self.organisation_ids = organisation_ids
        self.period, self.now = period, now
        self.rows = list(
            events_of_period(organisation_ids, period)
            .order_by("starts_at", "id")
            .values("id", "title", "kind", "starts_at", "city", "country")
        )
        self.event_ids = [r["id"] for r in self.rows]

    @cached_property
    def schedule_ids(self) -> list[int]:
        return published_schedule_ids(self.event_ids) if self.event_ids else []

    @cached_property
    def participants_per_event(self) -> dict[int, int]:
        rows = (
            Registration.objects.filter(
                event_id__in=self.event_ids, status=RegistrationStatus.CONFIRMED
            )
            .values_list("event_id")
            .annotate(n=Count("id"))
            .order_by()
        )
        return dict(rows)

    @cached_property
    def meetings_per_event(self) -> dict[int, int]:
        rows = (
            Meeting.objects.filter(
                schedule_id__in=self.schedule_ids, status=MeetingStatus.SCHEDULED
            )
            .values_list("schedule__session__event_id")
            .annotate(n=Count("id"))
            .order_by()
        )
        return dict(rows)

    def event_figures(self) -> EventFigures:
        registrations = Registration.objects.filter(event_id__in=self.event_ids)
        counts = registrations.aggregate(
            checked_in=Count("id", filter=Q(checked_in_at__isnull=False)),
            organisations=Count(
                "organisation_id",
                filter=Q(status=RegistrationStatus.CONFIRMED),
                distinct=True,
            ),
        )
        kinds = Counter(r["kind"] for r in self.rows)
        zone = timezone.get_default_timezone()
        per_month = Counter(
            timezone.localtime(r["starts_at"], zone).strftime("%Y-%m") for r in self.rows
        )
        away = attended(self.organisation_ids, self.period)
        return EventFigures(
            attended=away["events"],
            delegates=away["delegates"],
            held=sum(1 for r in self.rows if r["starts_at"] <= self.now),
            upcoming=sum(1 for r in self.rows if r["starts_at"] > self.now),
            participants=sum(self.participants_per_event.values()),
            checked_in=counts["checked_in"],
            organisations=counts["organisations"],
            by_kind=tuple(
                Row(value, str(label), kinds[value])
                for value, label in EventKind.choices
                if kinds[value]
            ),
            by_month=tuple(Row(m, m, per_month[m]) for m in months(self.period)),
        )

    def event_lines(self) -> tuple[EventLine, ...]:
        return tuple(
            EventLine(
                id=r["id"],
                title=r["title"],
                kind=r["kind"],
                starts_at=r["starts_at"],
                city=r["city"],
                country=r["country"],
                participants=self.participants_per_event.get(r["id"], 0),
                meetings_scheduled=self.meetings_per_event.get(r["id"], 0),
            )
            for r in self.rows
        )

    @cached_property
    def started_count(self) -> int:
        """Scheduled meetings of the published schedules whose slot has started."""
        return Meeting.objects.filter(
            schedule_id__in=self.schedule_ids,
            status=MeetingStatus.SCHEDULED,
            slot__starts_at__lte=self.now,
        ).count()

    @cached_property
    def answers(self):
        """The feedback on those meetings (joined, not a subquery: one pass over feedback)."""
        return Feedback.objects.filter(
            meeting__schedule_id__in=self.schedule_ids,
            meeting__status=MeetingStatus.SCHEDULED,
            meeting__slot__starts_at__lte=self.now,
        )

    @cached_property
    def answered(self) -> dict[str, int]:
        return self.answers.aggregate(
            meetings=Count("meeting_id", distinct=True),
            not_held=Count("meeting_id", filter=Q(took_place=False), distinct=True),
        )

    def meeting_figures(self) -> MeetingFigures:
        ids = self.event_ids
        session_count = MeetingSession.objects.filter(event_id__in=ids).count()
        participants = Participant.objects.filter(session__event_id__in=ids).count()
        requests = MeetingRequest.objects.filter(session__event_id__in=ids).count()
        wishes = Wish.objects.filter(session__event_id__in=ids, level__in=ASKING_LEVELS).count()
        seats = MeetingSeat.objects.filter(
            schedule_id__in=self.schedule_ids, meeting__status=MeetingStatus.SCHEDULED, active=True
        ).count()
        return MeetingFigures(
            sessions=session_count,
            participants=participants,
            requests=requests,
            wishes=wishes,
            requested=requests + wishes,
            scheduled=sum(self.meetings_per_event.values()),
            held=self.started_count - self.answered["not_held"],
            per_participant=round(seats / participants, 1) if participants else 0.0,
        )

    def feedback_figures(self) -> FeedbackFigures:
        per_outcome = dict(self.answers.values_list("outcome").annotate(n=Count("id")).order_by())
        total_answers = sum(per_outcome.values())
        took_place = sum(
            n for outcome, n in per_outcome.items() if outcome != FeedbackOutcome.DID_NOT_TAKE_PLACE
        )
        answered = self.answered["meetings"]
        return FeedbackFigures(
            meetings=self.started_count,
            answered_meetings=answered,
            answers=total_answers,
            took_place=took_place,
            outcomes=tuple(
                Row(value, str(label), per_outcome.get(value, 0))
                for value, label in FeedbackOutcome.choices
            ),
            cooperation_possible_share=share(
                per_outcome.get(FeedbackOutcome.COOPERATION_POSSIBLE, 0), total_answers
            ),
            response_rate=share(answered, self.started_count),
        )
