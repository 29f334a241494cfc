"""The shapes of the key figures (frozen dataclasses) and their labels: what
``compute_figures`` returns and what the dashboard, the API and the yearly report read.

Kept apart from the modules that compute each family of figures, so that those modules and
``compute`` can all import these shapes without importing one another."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from maillage.reports.periods import Period


@dataclass(frozen=True)
class Count:
    """One row of a breakdown: a code, its label in the current language and a number."""

    code: str
    label: str
    value: int


@dataclass(frozen=True)
class EventFigures:
    held: int  # events of the period that have started by now
    upcoming: int  # events of the period that have not started yet
    participants: int  # confirmed registrations to those events
    checked_in: int  # registrations checked in at those events
    organisations: int  # distinct organisations of the confirmed participants
    by_kind: tuple[Count, ...]
    by_month: tuple[Count, ...]  # code "YYYY-MM", every month of the period
    # Others' events of the period with confirmed participants from the scope's organisations
    # or from organisations its parks host (trade shows, conferences), and those participants.
    attended: int = 0
    delegates: int = 0


@dataclass(frozen=True)
class EventLine:
    id: int
    title: str
    kind: str
    starts_at: dt.datetime
    city: str
    country: str
    participants: int
    meetings_scheduled: int


@dataclass(frozen=True)
class MeetingFigures:
    sessions: int
    participants: int  # meeting participants of those sessions
    requests: int  # meeting requests sent, whatever became of them
    wishes: int  # "must meet" and "would like to meet" wishes
    requested: int  # requests + wishes
    scheduled: int  # meetings of the last published schedule of each session
    held: int  # scheduled meetings that have started and nobody said did not take place
    per_participant: float  # seats in scheduled meetings / participants, one decimal


@dataclass(frozen=True)
class FeedbackFigures:
    meetings: int  # scheduled meetings that have started (as matchmaking.feedback.rates)
    answered_meetings: int
    answers: int
    took_place: int
    outcomes: tuple[Count, ...]  # answers per outcome, in the order of FeedbackOutcome
    cooperation_possible_share: float  # percentage of answers, one decimal
    response_rate: float  # percentage of meetings with an answer, one decimal


@dataclass(frozen=True)
class AgreementLine:
    id: int
    title: str
    kind: str
    status: str
    signed_on: dt.date | None
    ends_on: dt.date | None
    partners: tuple[str, ...]  # parties outside the scope
    countries: tuple[str, ...]  # their country codes


@dataclass(frozen=True)
class AgreementFigures:
    signed: int  # signed on a day of the period
    active: int  # in force on at least one day of the period
    expiring: int  # in force, with their end or renewal date in the period
    to_renew: int  # signed or active, ending within RENEWAL_WINDOW_DAYS after the period
    signed_by_kind: tuple[Count, ...]
    agreements: tuple[AgreementLine, ...]  # signed or active in the period


@dataclass(frozen=True)
class DelegationLine:
    id: int
    title: str
    direction: str
    starts_on: dt.date
    ends_on: dt.date
    countries: tuple[str, ...]


@dataclass(frozen=True)
class DelegationFigures:
    incoming: int
    outgoing: int
    delegations: tuple[DelegationLine, ...]


@dataclass(frozen=True)
class SoftLandingFigures:
    applications: int  # applications created in the period
    landings: int  # applications that moved to "landed" in the period
    exits: int  # applications that moved to "exited" in the period
    stayed: int  # of those exits, startups that stayed in the host country
    outcomes_recorded: int  # outcome reports (6, 12, 24 months) recorded in the period
    jobs: int
    contracts: int
    funds_raised: Decimal
    local_entities: int
    by_status: tuple[Count, ...]  # current status of the applications created in the period


@dataclass(frozen=True)
class CountryReach:
    code: str
    name: str
    agreements: int  # agreements signed or active in the period with a party there
    delegations: int  # delegations of the period going to, coming from or visiting it
    participants: int  # confirmed participants of the period's events from there
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class DirectoryFigures:
    added: int  # organisations hosted by the scope's parks, created in the period
    total: int  # organisations hosted by the scope's parks at the end of the period
    by_sector: tuple[Count, ...]  # organisations added, by filière (top-level sector)


@dataclass(frozen=True)
class Figures:
    organisation_id: int
    organisation_name: str
    kind: str  # "park" or "network"
    member_ids: tuple[int, ...]
    start: dt.date
    end: dt.date
    computed_at: dt.datetime
    events: EventFigures
    event_lines: tuple[EventLine, ...]
    meetings: MeetingFigures
    feedback: FeedbackFigures
    agreements: AgreementFigures
    delegations: DelegationFigures
    softlanding: SoftLandingFigures
    countries: tuple[CountryReach, ...]
    home_country: str
    directory: DirectoryFigures

    @property
    def period(self) -> Period:
        return Period(self.start, self.end)

    @property
    def countries_reached(self) -> int:
        return len(self.countries)

    @property
    def foreign_countries(self) -> int:
        return sum(1 for c in self.countries if c.code != self.home_country)

    def headline(self) -> dict[str, int | float]:
        """The key figures shown on cards and compared with the previous period."""
        return {
            "events_held": self.events.held,
            "participants": self.events.participants,
            "events_attended": self.events.attended,
            "meetings_requested": self.meetings.requested,
            "meetings_scheduled": self.meetings.scheduled,
            "meetings_held": self.meetings.held,
            "meetings_per_participant": self.meetings.per_participant,
            "cooperation_possible_share": self.feedback.cooperation_possible_share,
            "agreements_signed": self.agreements.signed,
            "agreements_active": self.agreements.active,
            "agreements_expiring": self.agreements.expiring,
            "countries_reached": self.countries_reached,
            "foreign_countries": self.foreign_countries,
            "delegations_incoming": self.delegations.incoming,
            "delegations_outgoing": self.delegations.outgoing,
            "softlanding_applications": self.softlanding.applications,
            "softlanding_landings": self.softlanding.landings,
            "organisations_added": self.directory.added,
        }

    def as_dict(self) -> dict:
        """A JSON-ready form: dates as ISO strings, decimals as strings."""
        data = dataclasses.asdict(self)
        data["headline"] = self.headline()
        data["countries_reached"] = self.countries_reached
        data["foreign_countries"] = self.foreign_countries
        return _json_ready(data)


HEADLINE_LABELS = {
    "events_held": _("Events held"),
    "participants": _("Participants"),
    "events_attended": _("Events attended elsewhere"),
    "meetings_requested": _("B2B meetings requested"),
    "meetings_scheduled": _("B2B meetings scheduled"),
    "meetings_held": _("B2B meetings held"),
    "meetings_per_participant": _("Meetings per participant"),
    "cooperation_possible_share": _("“Cooperation possible” (% of feedback)"),
    "agreements_signed": _("Agreements signed"),
    "agreements_active": _("Agreements active"),
    "agreements_expiring": _("Agreements reaching their end date"),
    "countries_reached": _("Countries reached"),
    "foreign_countries": _("Foreign countries reached"),
    "delegations_incoming": _("Delegations received"),
    "delegations_outgoing": _("Missions abroad"),
    "softlanding_applications": _("Soft-landing applications"),
    "softlanding_landings": _("Startups landed"),
    "organisations_added": _("Organisations added to the directory"),
}


def _json_ready(value):
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_ready(v) for v in value]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value
