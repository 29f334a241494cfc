"""The shapes of the reports API's answers: the figures of a park or network
(``maillage.reports.figures.types``, field for field), their comparison with the previous
period and a network's member parks."""

from __future__ import annotations

import datetime as dt

from ninja import Schema


class CountOut(Schema):
    code: str
    label: str
    value: int


class EventFiguresOut(Schema):
    held: int
    upcoming: int
    participants: int
    checked_in: int
    organisations: int
    by_kind: list[CountOut]
    by_month: list[CountOut]
    attended: int
    delegates: int


class EventLineOut(Schema):
    id: int
    title: str
    kind: str
    starts_at: str  # ISO 8601, as Figures.as_dict() gives it
    city: str
    country: str
    participants: int
    meetings_scheduled: int


class MeetingFiguresOut(Schema):
    sessions: int
    participants: int
    requests: int
    wishes: int
    requested: int
    scheduled: int
    held: int
    per_participant: float


class FeedbackFiguresOut(Schema):
    meetings: int
    answered_meetings: int
    answers: int
    took_place: int
    outcomes: list[CountOut]
    cooperation_possible_share: float
    response_rate: float


class AgreementLineOut(Schema):
    id: int
    title: str
    kind: str
    status: str
    signed_on: dt.date | None
    ends_on: dt.date | None
    partners: list[str]
    countries: list[str]


class AgreementFiguresOut(Schema):
    signed: int
    active: int
    expiring: int
    to_renew: int
    signed_by_kind: list[CountOut]
    agreements: list[AgreementLineOut]


class DelegationLineOut(Schema):
    id: int
    title: str
    direction: str
    starts_on: dt.date
    ends_on: dt.date
    countries: list[str]


class DelegationFiguresOut(Schema):
    incoming: int
    outgoing: int
    delegations: list[DelegationLineOut]


class SoftLandingFiguresOut(Schema):
    applications: int
    landings: int
    exits: int
    stayed: int
    outcomes_recorded: int
    jobs: int
    contracts: int
    funds_raised: str  # a decimal, as a string
    local_entities: int
    by_status: list[CountOut]


class CountryReachOut(Schema):
    code: str
    name: str
    agreements: int
    delegations: int
    participants: int
    latitude: float | None
    longitude: float | None


class DirectoryFiguresOut(Schema):
    added: int
    total: int
    by_sector: list[CountOut]


class HeadlineOut(Schema):
    events_held: int
    participants: int
    events_attended: int
    meetings_requested: int
    meetings_scheduled: int
    meetings_held: int
    meetings_per_participant: float
    cooperation_possible_share: float
    agreements_signed: int
    agreements_active: int
    agreements_expiring: int
    countries_reached: int
    foreign_countries: int
    delegations_incoming: int
    delegations_outgoing: int
    softlanding_applications: int
    softlanding_landings: int
    organisations_added: int


class FiguresOut(Schema):
    organisation_id: int
    organisation_name: str
    kind: str
    member_ids: list[int]
    start: dt.date
    end: dt.date
    computed_at: str  # ISO 8601
    events: EventFiguresOut
    event_lines: list[EventLineOut]
    meetings: MeetingFiguresOut
    feedback: FeedbackFiguresOut
    agreements: AgreementFiguresOut
    delegations: DelegationFiguresOut
    softlanding: SoftLandingFiguresOut
    countries: list[CountryReachOut]
    home_country: str
    directory: DirectoryFiguresOut
    headline: HeadlineOut
    countries_reached: int
    foreign_countries: int


class FigureChangeOut(Schema):
    key: str
    label: str
    current: int | float
    previous: int | float
    difference: int | float
    percent: float | None
    direction: str  # "up", "down" or "same"


class ComparisonOut(Schema):
    start: dt.date
    end: dt.date
    previous_start: dt.date
    previous_end: dt.date
    changes: list[FigureChangeOut]


class ReportMemberOut(Schema):
    """One member park of a network and its figures (``reports.members.MEMBER_FIGURES``)."""

    organisation_id: int
    name: str
    country: str
    events_held: int
    participants: int
    meetings_scheduled: int
    agreements_signed: int
    agreements_active: int
    delegations_incoming: int
    delegations_outgoing: int
    softlanding_applications: int
    softlanding_landings: int
    organisations_added: int
