"""Demo matchmaking: the Axe Seine business convention at Aéropole and an online B2B day.

The events demo creates both events and the convention's 74 registrants. Here: a two-day
session of 20-minute meetings on 40 tables, every participant's offers and requests, wishes
taken from the recommendations (about forty each), a schedule computed by the real optimiser
and published, and feedback on the meetings held; then the online day with video rooms.
The demo participant account takes part in both, so that it has an agenda to look at.

Idempotent: each step is skipped when its result is already there.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.utils import timezone

from maillage.accounts.models import User
from maillage.demo.opportunities import for_participant
from maillage.ecosystem.models import Person, Sector
from maillage.events import services as event_services
from maillage.events.enums import ParticipationType, RegistrationSource
from maillage.events.models import Event, Registration
from maillage.matchmaking.enums import AttendMode, FeedbackOutcome, ScheduleStatus, WishLevel
from maillage.matchmaking.models import MeetingSession, Participant, Wish
from maillage.matchmaking.scheduling import build, release
from maillage.matchmaking.services import feedback, marketplace, profiles, sessions, wishes
from meetsolver import SolveConfig

CONVENTION = "axe-seine-business-convention-2026"
ONLINE_DAY = "online-b2b-day-2027"
PARTICIPANT_EMAIL = "participant@maillage.example"
PARIS = zoneinfo.ZoneInfo("Europe/Paris")
WISHES_EACH = 40
MUST_MEET_EACH = 3
SOLVE_SECONDS = 20  # the optimiser improves the first-fit start for this long


def _register_demo_participant(event: Event) -> None:
    user = User.objects.filter(email=PARTICIPANT_EMAIL).first()
    if user is None or Registration.objects.filter(event=event, person__user=user).exists():
        return
    me = Person.objects.filter(user=user).first() or Person.objects.filter(email=user.email).first()
    affiliation = (
        me.affiliations.select_related("organisation").order_by("-is_primary").first()
        if me
        else None
    )
    event_services.register(
        event=event,
        email=user.email,
        first_name=user.first_name or "Léa",
        last_name=user.last_name or "Fontaine",
        organisation_name=affiliation.organisation.name if affiliation else "Planktovie",
        country=affiliation.organisation.country if affiliation else "FR",
        user=user,
        source=RegistrationSource.STAFF,
        participation_type=ParticipationType.STARTUP,
        listed_publicly=True,
        notify=False,
    )


def publish_opportunities(session: MeetingSession) -> int:
    sectors = {s.code: s for s in Sector.objects.all()}
    count = 0
    participants = session.participants.select_related("registration").order_by(
        "registration__created_at", "registration_id"
    )
    for n, participant in enumerate(participants):
        if participant.opportunities.exists():
            continue
        for kind, category, title, description, keywords, codes in for_participant(
            n, participant.registration.participation_type
        ):
            marketplace.publish_opportunity(
                participant=participant,
                kind=kind,
                category=category,
                title=title,
                description=description,
                keywords=keywords,
                sectors=[sectors[c] for c in codes if c in sectors],
            )
            count += 1
    return count


def wish_from_recommendations(session: MeetingSession, each: int) -> int:
    """Pairs chosen from the recommendations, best first, until everyone has about ``each``
    people to meet (topped up in a fixed order); both sides of a pair wish to meet, the first
    few of one's own recommendations as "must meet"."""
    if Wish.objects.filter(session=session).exists():
        return 0
    people = list(session.participants.select_related("registration__person").order_by("id"))
    by_id = {p.pk: p for p in people}
    ranked = {
        pid: [r.participant_id for r in recs]
        for pid, recs in profiles.recommendations_for(session, limit=2 * each).items()
    }
    degree = dict.fromkeys(by_id, 0)
    pairs: dict[frozenset, tuple[int, int, int]] = {}  # pair -> (author, target, author's rank)

    def add(a: int, b: int, rank: int) -> None:
        key = frozenset((a, b))
        if a != b and key not in pairs and degree[a] < each and degree[b] < each:
            pairs[key] = (a, b, rank)
            degree[a] += 1
            degree[b] += 1

    for rank in range(2 * each):
        for p in people:
            mine = ranked.get(p.pk, [])
            if rank < len(mine):
                add(p.pk, mine[rank], rank)
    for i, p in enumerate(people):  # top up those with little common ground
        for k in range(1, len(people)):
            if degree[p.pk] >= each:
                break
            add(p.pk, people[(i + k * 7) % len(people)].pk, each)
    count = 0
    for a, b, rank in pairs.values():
        level = WishLevel.MUST_MEET if rank < MUST_MEET_EACH else WishLevel.WOULD_LIKE
        wishes.set_wish(author=by_id[a], target=by_id[b], level=level)
        wishes.set_wish(author=by_id[b], target=by_id[a], level=WishLevel.WOULD_LIKE)
        count += 2
    return count


def schedule_and_publish(session: MeetingSession, *, time_limit: float) -> dict | None:
    """Optimise the schedule within the time limit, then publish it as version 1."""
    if session.schedules.filter(status=ScheduleStatus.PUBLISHED).exists():
        return None
    config = SolveConfig(time_limit=time_limit, workers=2, seed=1)
    summary = build.schedule_now(session, config=config)
    release.publish(session=session, name="Version 1")
    return summary


def _give_feedback(session: MeetingSession) -> int:
    """Feedback on one meeting out of three, by both sides, for meetings already held."""
    schedule = (
        session.schedules.filter(status=ScheduleStatus.PUBLISHED).order_by("-version").first()
    )
    if schedule is None or schedule.meetings.filter(feedback__isnull=False).exists():
        return 0
    outcomes = [
        FeedbackOutcome.COOPERATION_POSSIBLE,
        FeedbackOutcome.INFORMATIVE,
        FeedbackOutcome.INFORMATIVE,
        FeedbackOutcome.INSUFFICIENT_INTEREST,
        FeedbackOutcome.COOPERATION_POSSIBLE,
    ]
    now, count = timezone.now(), 0
    meetings = schedule.meetings.scheduled().select_related("slot").prefetch_related("seats")
    for n, meeting in enumerate(meetings.order_by("id")):
        if n % 3 or meeting.slot.starts_at > now:
            continue
        took_place = n % 16 != 0
        for seat in meeting.seats.all():
            feedback.give_feedback(
                meeting=meeting,
                author=seat.participant,
                took_place=took_place,
                outcome=outcomes[(n + seat.participant_id) % len(outcomes)],
                comment="",
            )
            count += 1
    return count


def load_convention(stdout) -> None:
    event = Event.objects.filter(slug=CONVENTION).first()
    if event is None:
        return
    second_day_end = dt.datetime(2026, 3, 27, 17, 30, tzinfo=PARIS)
    if event.ends_at < second_day_end:  # the meetings run over two days
        event = event_services.update_event(event=event, ends_at=second_day_end)
    _register_demo_participant(event)
    session = MeetingSession.objects.filter(event=event).order_by("id").first()
    if session is None:
        days = [dt.date(2026, 3, 26), dt.date(2026, 3, 27)]
        session = sessions.create_session(
            event=event,
            name="One-to-one meetings",
            slot_minutes=20,
            days=[(d, dt.time(9, 0), dt.time(17, 20)) for d in days],
            breaks=[(d, dt.time(12, 40), dt.time(13, 40), "Lunch") for d in days],
            tables=40,
            default_max_meetings=40,
        )
    sessions.add_all_registrants(session=session)
    published = publish_opportunities(session)
    wished = wish_from_recommendations(session, WISHES_EACH)
    summary = schedule_and_publish(session, time_limit=SOLVE_SECONDS)
    answers = _give_feedback(session)
    report(stdout, session, published, wished, summary, answers)


def load_online_day(stdout) -> None:
    event = Event.objects.filter(slug=ONLINE_DAY).first()
    convention = Event.objects.filter(slug=CONVENTION).first()
    if event is None or convention is None:
        return
    _register_demo_participant(event)
    registered = set(event.registrations.values_list("person_id", flat=True))
    for reg in convention.registrations.select_related("person", "organisation").order_by("id")[
        :24
    ]:
        if reg.person_id in registered:
            continue
        event_services.register(
            event=event,
            email=reg.person.email,
            first_name=reg.person.first_name,
            last_name=reg.person.last_name,
            organisation_name=reg.organisation.name if reg.organisation else "",
            country=reg.organisation.country if reg.organisation else "FR",
            participation_type=reg.participation_type,
            source=RegistrationSource.STAFF,
            notify=False,
        )
    session = MeetingSession.objects.filter(event=event).order_by("id").first()
    if session is None:
        day = dt.date(2027, 2, 11)
        session = sessions.create_session(
            event=event,
            name="Video meetings",
            slot_minutes=20,
            days=[(day, dt.time(9, 30), dt.time(17, 0))],
            breaks=[(day, dt.time(12, 30), dt.time(14, 0), "Lunch")],
            tables=0,
        )
        for n in range(1, 13):
            sessions.add_online_room(
                session=session,
                name=f"Room {n}",
                video_url=f"https://visio.maillage.example/b2b-day-2027/room-{n}",
            )
    have = set(session.participants.values_list("registration_id", flat=True))
    for reg in event.registrations.confirmed().exclude(id__in=have).order_by("id"):
        sessions.add_participant(session=session, registration=reg, mode=AttendMode.ONLINE)
    published = publish_opportunities(session)
    wished = wish_from_recommendations(session, 10)
    summary = schedule_and_publish(session, time_limit=8)
    report(stdout, session, published, wished, summary, 0)


def report(stdout, session, published, wished, summary, answers) -> None:
    participants = Participant.objects.filter(session=session).count()
    schedule = (
        session.schedules.filter(status=ScheduleStatus.PUBLISHED).order_by("-version").first()
    )
    meetings = schedule.meetings.scheduled().count() if schedule else 0
    average = 2 * meetings / participants if participants else 0
    line = (
        f"  matchmaking: {session.event.title} — {participants} participants, "
        f"{meetings} meetings published ({average:.1f} each)"
    )
    if published or wished or answers:
        line += f"; added {published} opportunities, {wished} wishes, {answers} feedback answers"
    if summary:
        line += f"; solved in {summary.get('seconds', 0):.1f} s ({summary.get('status', '')})"
    stdout.write(line + "\n")


def load(stdout) -> None:
    load_convention(stdout)
    load_online_day(stdout)
