"""Soft-landing API: programmes and host offers, applications, screening, pipeline moves,
matching proposals and outcomes. Organisers' staff run their programme; the home park sees its
applications; a host sees the applications addressed to it; nobody else sees anything."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from maillage.api import lookups
from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers, invalid, not_found
from maillage.api.texts import MAX_ITEMS, Code, Line, Text
from maillage.ecosystem.models import Sector
from maillage.partnerships.models import Agreement
from maillage.softlanding import matching, selectors, services
from maillage.softlanding.enums import Service, Stage
from maillage.softlanding.models import Application, HostOffer, Programme

router = Router(tags=["soft landing"])


class OfferIn(Schema):
    host: int
    desks: int = Field(..., ge=0, le=100_000)
    available_from: date
    available_until: date
    services: list[Service] = Field([], max_length=MAX_ITEMS)
    sectors: list[Code] = Field([], max_length=MAX_ITEMS)
    languages: Line = ""
    fees: Line = ""
    description: Text = ""


class OfferOut(Schema):
    id: int
    host: int
    host_name: str
    desks: int
    available_from: date
    available_until: date
    services: list[str]
    languages: str
    fees: str

    @staticmethod
    def resolve_host(obj):
        return obj.host_id

    @staticmethod
    def resolve_host_name(obj):
        return obj.host.name


class ProgrammeIn(Schema):
    name: Line
    organisers: list[int] = Field(..., max_length=MAX_ITEMS)
    agreement: int | None = None
    description: Text = ""
    is_open: bool = True
    criteria: list[tuple[Line, int]] = Field([], max_length=MAX_ITEMS)


class ProgrammeOut(Schema):
    id: int
    name: str
    description: str
    is_open: bool
    agreement: int | None
    organisers: list[int]
    offers: list[OfferOut]

    @staticmethod
    def resolve_agreement(obj):
        return obj.agreement_id

    @staticmethod
    def resolve_organisers(obj):
        return [o.pk for o in obj.organisers.all()]

    @staticmethod
    def resolve_offers(obj):
        return list(obj.offers.select_related("host"))


class ApplicationIn(Schema):
    startup: int
    home_park: int
    starts_on: date
    ends_on: date
    preferences: list[int] = Field([], max_length=MAX_ITEMS)  # offer ids, most wanted first
    target_countries: Line = ""
    sector: Code | None = None  # sector code
    stage: Stage = Stage.SEED
    goals: Text = ""
    needs: list[Service] = Field([], max_length=MAX_ITEMS)
    languages: Line = ""
    team_size: int = Field(1, ge=1, le=100_000)


class ApplicationOut(Schema):
    id: int
    programme: int
    startup: int
    startup_name: str
    home_park: int
    status: str
    exit_outcome: str
    starts_on: date
    ends_on: date
    assigned_offer: int | None
    preferences: list[int]

    @staticmethod
    def resolve_programme(obj):
        return obj.programme_id

    @staticmethod
    def resolve_startup(obj):
        return obj.startup_id

    @staticmethod
    def resolve_startup_name(obj):
        return obj.startup.name

    @staticmethod
    def resolve_home_park(obj):
        return obj.home_park_id

    @staticmethod
    def resolve_assigned_offer(obj):
        return obj.assigned_offer_id

    @staticmethod
    def resolve_preferences(obj):
        return [p.offer_id for p in obj.preferences.all()]


class MoveIn(Schema):
    to_status: Code
    offer: int | None = None
    exit_outcome: Code = ""
    note: Text = ""


class ScoresIn(Schema):
    scores: dict[Line, int] = Field(..., max_length=MAX_ITEMS)  # criterion name -> 0..5


class TotalOut(Schema):
    total: int | float


class OutcomeIn(Schema):
    months: int = Field(..., ge=0, le=1200)
    local_entity_created: bool = False
    jobs: int = Field(0, ge=0, le=1_000_000)
    contracts: int = Field(0, ge=0, le=1_000_000)
    funds_raised: Decimal = Field(Decimal(0), ge=0, max_digits=14, decimal_places=2)
    notes: Text = ""


class OutcomeOut(Schema):
    id: int
    months: int


class RankedOut(Schema):
    offer: int
    score: int
    feasible: bool
    reasons: list[str]


class ProposalOut(Schema):
    assignments: dict[int, int | None]
    optimal: bool
    placed: int


class AcceptIn(Schema):
    assignments: dict[int, int | None]


def _programme(request, pk: int, *, change: bool = False) -> Programme:
    programme = Programme.objects.prefetch_related("organisers", "offers").filter(pk=pk).first()
    if programme is None or not request.user.has_perm("softlanding.view_programme", programme):
        raise not_found("programme")
    if change and not request.user.has_perm("softlanding.change_programme", programme):
        raise HttpError(403, "Only the organisers' staff may change this programme.")
    return programme


def _application(request, pk: int, perm: str | None = None) -> Application:
    app = (
        Application.objects.select_related("programme", "startup", "assigned_offer")
        .filter(pk=pk)
        .first()
    )
    if app is None or not request.user.has_perm("softlanding.view_application", app):
        raise not_found("application")
    if perm and not request.user.has_perm(perm, app):
        raise HttpError(403, "You may see this application but not do this.")
    return app


@router.get("/softlanding/programmes", response=answers({200: list[ProgrammeOut]}))
def list_programmes(request):
    return selectors.visible_programmes(request.user)


@router.post(
    "/softlanding/programmes", response=answers({201: ProgrammeOut}, 401, 403), auth=WRITE_AUTH
)
def create_programme(request, payload: ProgrammeIn):
    if not request.user.has_perm("softlanding.add_programme"):
        raise HttpError(403, "Only park or network staff may create programmes.")
    agreement = (
        Agreement.objects.filter(pk=payload.agreement).first() if payload.agreement else None
    )
    if payload.agreement and (
        agreement is None or not request.user.has_perm("partnerships.change_agreement", agreement)
    ):
        raise invalid("agreement", "Choose an agreement your organisation is party to.")
    p = services.create_programme(
        user=request.user,
        name=payload.name,
        organisers=lookups.organisations(payload.organisers, field="organisers"),
        agreement=agreement,
        description=payload.description,
        is_open=payload.is_open,
        criteria=payload.criteria,
    )
    return Status(201, p)


@router.get("/softlanding/programmes/{pk}", response=answers({200: ProgrammeOut}, 404))
def get_programme(request, pk: int):
    return _programme(request, pk)


@router.post(
    "/softlanding/programmes/{pk}/open",
    response=answers({200: ProgrammeOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def open_or_close(request, pk: int, is_open: bool):
    programme = _programme(request, pk, change=True)
    return services.set_programme_open(programme=programme, is_open=is_open)


@router.post(
    "/softlanding/programmes/{pk}/offers",
    response=answers({201: OfferOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def create_offer(request, pk: int, payload: OfferIn):
    programme = _programme(request, pk, change=True)
    data = payload.dict(exclude={"host", "sectors"})
    offer = services.create_offer(
        programme=programme,
        host=lookups.organisation(payload.host, field="host"),
        sectors=list(Sector.objects.filter(code__in=payload.sectors)),
        **data,
    )
    return Status(201, offer)


@router.get(
    "/softlanding/programmes/{pk}/applications",
    response=answers({200: list[ApplicationOut]}, 404),
)
def list_applications(request, pk: int):
    programme = _programme(request, pk)
    return selectors.visible_applications(request.user).filter(programme=programme)


@router.post(
    "/softlanding/programmes/{pk}/applications",
    response=answers({201: ApplicationOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def submit_application(request, pk: int, payload: ApplicationIn):
    programme = _programme(request, pk)  # only parks taking part see (and apply to) a programme
    if not request.user.has_perm("softlanding.apply_to_programme"):
        raise HttpError(403, "Only the staff of a home park may endorse applications.")
    offers = {
        o.pk: o for o in HostOffer.objects.filter(pk__in=payload.preferences, programme=programme)
    }
    if len(offers) != len(set(payload.preferences)):
        raise invalid("preferences", "Unknown host offer in the preferences.")
    startup = lookups.organisation(payload.startup, field="startup")
    home_park = lookups.organisation(payload.home_park, field="home_park")
    data = payload.dict(exclude={"startup", "home_park", "preferences", "sector"})
    sector = Sector.objects.filter(code=payload.sector).first() if payload.sector else None
    app = services.submit_application(
        user=request.user,
        programme=programme,
        startup=startup,
        home_park=home_park,
        preferences=[offers[i] for i in payload.preferences],
        sector=sector,
        **data,
    )
    return Status(201, app)


@router.get("/softlanding/applications/{pk}", response=answers({200: ApplicationOut}, 404))
def get_application(request, pk: int):
    return _application(request, pk)


@router.get(
    "/softlanding/applications/{pk}/hosts", response=answers({200: list[RankedOut]}, 403, 404)
)
def ranked_hosts(request, pk: int):
    app = _application(request, pk, "softlanding.score_application")
    requests, hosts = services.matching_instance(
        app.programme, Application.objects.filter(pk=app.pk)
    )
    return [
        {"offer": r.host_id, "score": r.score, "feasible": r.feasible, "reasons": list(r.reasons)}
        for r in matching.rank_hosts(requests[0], hosts)
    ]


@router.post(
    "/softlanding/applications/{pk}/move",
    response=answers({200: ApplicationOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def move(request, pk: int, payload: MoveIn):
    app = _application(request, pk, "softlanding.move_application")
    offer = None
    if payload.offer:
        offer = HostOffer.objects.filter(pk=payload.offer, programme=app.programme).first()
        if offer is None:
            raise invalid("offer", "Choose a host offer of this application's programme.")
    return services.move_application(
        application=app,
        to_status=payload.to_status,
        user=request.user,
        offer=offer,
        exit_outcome=payload.exit_outcome,
        note=payload.note,
    )


@router.post(
    "/softlanding/applications/{pk}/scores",
    response=answers({200: TotalOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def score(request, pk: int, payload: ScoresIn):
    app = _application(request, pk, "softlanding.score_application")
    criteria = {c.name: c for c in app.programme.criteria.all()}
    unknown = set(payload.scores) - set(criteria)
    if unknown:
        raise invalid("scores", f"Unknown criteria: {', '.join(sorted(unknown))}.")
    total = services.score_application(
        application=app,
        user=request.user,
        scores={criteria[k]: v for k, v in payload.scores.items()},
    )
    return {"total": total}


@router.post(
    "/softlanding/applications/{pk}/outcomes",
    response=answers({201: OutcomeOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def add_outcome(request, pk: int, payload: OutcomeIn):
    app = _application(request, pk, "softlanding.move_application")
    o = services.record_outcome(application=app, **payload.dict())
    return Status(201, {"id": o.id, "months": o.months})


@router.post(
    "/softlanding/programmes/{pk}/matching",
    response=answers({200: ProposalOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def propose(request, pk: int):
    programme = _programme(request, pk, change=True)
    result = services.propose_assignment(programme=programme)
    return {
        "assignments": result.hosts,
        "optimal": result.optimal,
        "placed": sum(1 for v in result.hosts.values() if v is not None),
    }


@router.post(
    "/softlanding/programmes/{pk}/matching/accept",
    response=answers({200: list[ApplicationOut]}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def accept(request, pk: int, payload: AcceptIn):
    programme = _programme(request, pk, change=True)
    return services.accept_assignment(
        programme=programme, choices=payload.assignments, user=request.user
    )
