"""Read queries of events, shared by pages, API and documents."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from maillage.ecosystem import text
from maillage.ecosystem.models import Organisation
from maillage.ecosystem.rules import is_platform_admin
from maillage.events.enums import EventStatus, RegistrationStatus
from maillage.events.models import Event, ProgrammeItem, Registration
from maillage.events.rules import staff_organisation_ids


def _with_relations(qs: QuerySet) -> QuerySet:
    return qs.select_related("venue_organisation", "series").prefetch_related(
        Prefetch("organisers", queryset=Organisation.objects.only("id", "name", "slug"))
    )


def visible_events(user) -> QuerySet[Event]:
    """Events the user may see: public published or cancelled ones, the ones they manage, and
    private ones they are registered to."""
    condition = Q(is_public=True) & ~Q(status=EventStatus.DRAFT)
    if is_platform_admin(user):
        return _with_relations(Event.objects.all())
    own = staff_organisation_ids(user)
    if own:
        condition |= Q(organisers__in=own)
    if user is not None and user.is_authenticated:
        condition |= ~Q(status=EventStatus.DRAFT) & Q(
            registrations__person__user=user,
            registrations__status__in=[
                RegistrationStatus.PENDING,
                RegistrationStatus.CONFIRMED,
                RegistrationStatus.WAITLISTED,
            ],
        )
    ids = Event.objects.filter(condition).values("id")
    return _with_relations(Event.objects.filter(id__in=ids))


def managed_events(user) -> QuerySet[Event]:
    if is_platform_admin(user):
        return _with_relations(Event.objects.all())
    own = staff_organisation_ids(user)
    ids = Event.objects.filter(organisers__in=own).values("id")
    return _with_relations(Event.objects.filter(id__in=ids))


FEED_DAYS_BACK = 90  # a calendar subscribed to the feed keeps the recent past


def public_feed_events(*, now: dt.datetime | None = None) -> QuerySet[Event]:
    """The public events of the calendar feed, from FEED_DAYS_BACK days ago on, by start."""
    since = (now or timezone.now()) - dt.timedelta(days=FEED_DAYS_BACK)
    return _with_relations(
        Event.objects.filter(is_public=True, ends_at__gte=since).exclude(status=EventStatus.DRAFT)
    ).order_by("starts_at")


def filter_events(
    qs: QuerySet[Event],
    *,
    when: str = "upcoming",
    kind: str = "",
    organiser: str = "",
    now: dt.datetime | None = None,
) -> QuerySet[Event]:
    now = now or timezone.now()
    if when == "upcoming":
        qs = qs.filter(ends_at__gte=now).order_by("starts_at", "title")
    elif when == "past":
        qs = qs.filter(ends_at__lt=now).order_by("-starts_at", "title")
    else:
        qs = qs.order_by("starts_at", "title")
    if kind:
        qs = qs.filter(kind=kind)
    if organiser:
        qs = qs.filter(id__in=Event.objects.filter(organisers__slug=organiser).values("id"))
    return qs


def organiser_choices() -> QuerySet[Organisation]:
    ids = Event.organisers.through.objects.values("organisation_id")
    return Organisation.objects.filter(id__in=ids).only("id", "name", "slug").order_by("name")


@dataclass
class Day:
    date: dt.date
    in_month: bool
    events: list = field(default_factory=list)


def month_grid(events, year: int, month: int) -> list[list[Day]]:
    """Weeks (Monday first) of the month, each day holding the events that start on it
    (the date as seen in the event's own time zone)."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    days = {d: Day(date=d, in_month=d.month == month) for week in weeks for d in week}
    for event in events:
        local = timezone.localtime(event.starts_at, event.zone).date()
        if local in days:
            days[local].events.append(event)
    return [[days[d] for d in week] for week in weeks]


def month_bounds(year: int, month: int) -> tuple[dt.datetime, dt.datetime]:
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    start = dt.datetime.combine(weeks[0][0], dt.time.min, tzinfo=dt.UTC) - dt.timedelta(days=1)
    end = dt.datetime.combine(weeks[-1][-1], dt.time.max, tzinfo=dt.UTC) + dt.timedelta(days=1)
    return start, end


def programme(event: Event) -> QuerySet[ProgrammeItem]:
    return event.programme.prefetch_related("speakers__affiliations__organisation")


def registrations(event: Event, *, status: str = "") -> QuerySet[Registration]:
    qs = event.registrations.select_related("person", "organisation").order_by(
        "person__last_name", "person__first_name", "id"
    )
    if status:
        qs = qs.filter(status=status)
    return qs


def registration_counts(event: Event) -> dict[str, int]:
    rows = event.registrations.values("status").annotate(n=Count("id"))
    counts = {s: 0 for s in RegistrationStatus.values}
    counts.update({row["status"]: row["n"] for row in rows})
    counts["checked_in"] = event.registrations.filter(checked_in_at__isnull=False).count()
    return counts


def listed_participants(event: Event) -> QuerySet[Registration]:
    return registrations(event, status=RegistrationStatus.CONFIRMED).filter(listed_publicly=True)


def shown_participants(event: Event) -> QuerySet[Registration]:
    """The participants an event's page lists: those who agreed, once the event is published."""
    if event.status != EventStatus.PUBLISHED:
        return Registration.objects.none()
    return listed_participants(event)


def seats_left(event: Event, counts: dict[str, int] | None = None) -> int | None:
    """Seats still free (None: no limit); ``counts`` from ``registration_counts`` if at hand."""
    if event.capacity is None:
        return None
    counts = counts or registration_counts(event)
    return max(event.capacity - counts["confirmed"], 0)


def search_registrations(event: Event, query: str, *, limit: int = 20) -> list[Registration]:
    """Find registrations by the code on the badge (exact) or by folded name, e-mail, organisation.

    Only four short columns are read to match (accents and case folded in Python, the same way
    on SQLite and PostgreSQL); the matches are then loaded whole."""
    query = (query or "").strip()
    if not query:
        return []
    by_token = list(registrations(event).filter(token=query))
    if by_token:
        return by_token
    words = text.fold(query).split()
    rows = (
        event.registrations.exclude(
            status__in=[RegistrationStatus.CANCELLED, RegistrationStatus.DECLINED]
        )
        .order_by("person__last_name", "person__first_name", "id")
        .values_list(
            "id", "person__first_name", "person__last_name", "person__email", "organisation__name"
        )
    )
    ids = []
    for pk, *fields in rows.iterator(chunk_size=2000):
        haystack = text.fold(" ".join(f or "" for f in fields))
        if all(w in haystack for w in words):
            ids.append(pk)
            if len(ids) >= limit:
                break
    found = {r.pk: r for r in registrations(event).filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


def own_registrations(user) -> QuerySet[Registration]:
    if not (user and user.is_authenticated):
        return Registration.objects.none()
    return (
        Registration.objects.filter(person__user=user)
        .select_related("event", "person", "organisation")
        .order_by("event__starts_at")
    )
