"""A network's member parks side by side: the main figures of each member for a period.

Each member's row holds the figures ``compute_figures`` gives for that park alone, computed for
all members at once by grouped queries (their number does not grow with the members).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from maillage.ecosystem.models import Organisation
from maillage.events.enums import EventStatus, RegistrationStatus
from maillage.events.models import Event, Registration
from maillage.matchmaking.enums import MeetingStatus
from maillage.matchmaking.models import Meeting
from maillage.partnerships.enums import DelegationDirection
from maillage.partnerships.models import AgreementParty, Delegation
from maillage.reports.figures.events import published_schedule_ids
from maillage.reports.figures.partnerships import in_force_on_a_day_of, signed_during
from maillage.reports.figures.softlanding import scope_applications
from maillage.reports.figures.types import HEADLINE_LABELS
from maillage.reports.periods import Period
from maillage.reports.scopes import member_parks
from maillage.softlanding.enums import ApplicationStatus
from maillage.softlanding.models import Programme, StatusChange

MEMBER_FIGURES = (
    "events_held",
    "participants",
    "meetings_scheduled",
    "agreements_signed",
    "agreements_active",
    "delegations_incoming",
    "delegations_outgoing",
    "softlanding_applications",
    "softlanding_landings",
    "organisations_added",
)


@dataclass(frozen=True)
class MemberRow:
    organisation_id: int
    name: str
    country: str
    values: dict[str, int]

    @property
    def ordered(self) -> list[int]:
        return [self.values[key] for key in MEMBER_FIGURES]


def member_labels() -> list[tuple[str, str]]:
    return [(key, str(HEADLINE_LABELS[key])) for key in MEMBER_FIGURES]


def member_rows(
    network: Organisation, start: dt.date, end: dt.date, *, now: dt.datetime | None = None
) -> list[MemberRow]:
    period = Period(start, end)
    now = now or timezone.now()
    members = list(member_parks(network, period).values("id", "name", "country"))
    ids = [m["id"] for m in members]
    values: dict[int, dict[str, int]] = {i: dict.fromkeys(MEMBER_FIGURES, 0) for i in ids}
    if not ids:
        return []
    _events(values, ids, period, now)
    _agreements(values, ids, period)
    _delegations(values, ids, period)
    _softlanding(values, ids, period)
    first, after = period.bounds()
    added = (
        Organisation.objects.filter(
            host_park_id__in=ids, created_at__gte=first, created_at__lt=after
        )
        .values_list("host_park_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for park, n in added:
        values[park]["organisations_added"] = n
    return [MemberRow(m["id"], m["name"], m["country"], values[m["id"]]) for m in members]


def _events(values, ids, period: Period, now) -> None:
    first, after = period.bounds()
    links = list(
        Event.organisers.through.objects.filter(
            organisation_id__in=ids,
            event__status=EventStatus.PUBLISHED,
            event__starts_at__gte=first,
            event__starts_at__lt=after,
        ).values_list("organisation_id", "event_id", "event__starts_at")
    )
    event_ids = sorted({e for _o, e, _s in links})
    participants = dict(
        Registration.objects.filter(event_id__in=event_ids, status=RegistrationStatus.CONFIRMED)
        .values_list("event_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    meetings = dict(
        Meeting.objects.filter(
            schedule_id__in=published_schedule_ids(event_ids) if event_ids else [],
            status=MeetingStatus.SCHEDULED,
        )
        .values_list("schedule__session__event_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for org, event, starts_at in links:
        row = values[org]
        row["events_held"] += starts_at <= now
        row["participants"] += participants.get(event, 0)
        row["meetings_scheduled"] += meetings.get(event, 0)


def _agreements(values, ids, period: Period) -> None:
    rows = AgreementParty.objects.filter(organisation_id__in=ids).values_list(
        "organisation_id",
        "agreement__status",
        "agreement__signed_on",
        "agreement__starts_on",
        "agreement__ends_on",
    )
    for org, status, signed_on, starts_on, ends_on in rows:
        values[org]["agreements_signed"] += signed_during(status, signed_on, period)
        values[org]["agreements_active"] += in_force_on_a_day_of(
            status, starts_on or signed_on, ends_on, period
        )


def _delegations(values, ids, period: Period) -> None:
    seen: dict[int, dict[int, str]] = defaultdict(dict)
    for through in (Delegation.hosts.through, Delegation.visitors.through):
        rows = through.objects.filter(
            organisation_id__in=ids,
            delegation__starts_on__gte=period.start,
            delegation__starts_on__lte=period.end,
        ).values_list("organisation_id", "delegation_id", "delegation__direction")
        for org, delegation, direction in rows:
            seen[org][delegation] = direction
    for org, delegations in seen.items():
        directions = list(delegations.values())
        values[org]["delegations_incoming"] = directions.count(DelegationDirection.INCOMING)
        values[org]["delegations_outgoing"] = directions.count(DelegationDirection.OUTGOING)


def _softlanding(values, ids, period: Period) -> None:
    first, after = period.bounds()
    organisers: dict[int, set[int]] = defaultdict(set)
    for programme, org in Programme.organisers.through.objects.filter(
        organisation_id__in=ids
    ).values_list("programme_id", "organisation_id"):
        organisers[programme].add(org)
    apps = {
        pk: ({home, host, *organisers.get(programme, ())} & set(ids), created_at)
        for pk, home, host, programme, created_at in scope_applications(ids).values_list(
            "pk", "home_park_id", "assigned_offer__host_id", "programme_id", "created_at"
        )
    }
    landed = set(
        StatusChange.objects.filter(
            application_id__in=list(apps),
            to_status=ApplicationStatus.LANDED,
            at__gte=first,
            at__lt=after,
        ).values_list("application_id", flat=True)
    )
    for pk, (orgs, created_at) in apps.items():
        for org in orgs:
            values[org]["softlanding_applications"] += first <= created_at < after
            values[org]["softlanding_landings"] += pk in landed
