"""Soft-landing applications: submission by the home park, screening scores, pipeline moves,
outcomes and the delegation follow-ups that led to them. The organisers' staff, the home park
and the hosts addressed see an application; nobody else does."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from maillage.api import lookups
from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers, invalid, not_found
from maillage.api.programmes import load_programme
from maillage.api.texts import MAX_ITEMS, Code, Line, Text
from maillage.ecosystem.models import Sector
from maillage.partnerships.enums import FollowUpKind
from maillage.partnerships.selectors import visible_delegations
from maillage.softlanding import matching, selectors, services
from maillage.softlanding.enums import Service, Stage
from maillage.softlanding.models import Application, HostOffer

router = Router(tags=["soft landing"])


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


class ApplicationFollowUpIn(Schema):
    delegation: int
    description: str = Field(..., max_length=300)
    due_on: date | None = None


class ApplicationFollowUpOut(Schema):
    id: int
    delegation: int
    kind: str
    description: str
    due_on: date | None
    done: bool

    @staticmethod
    def resolve_delegation(obj):
        return obj.delegation_id


def load_application(request, pk: int, perm: str | None = None) -> Application:
    app = (
        Application.objects.select_related("programme", "startup", "assigned_offer")
        .filter(pk=pk)
        .first()
    )
    if app is None or not request.user.has_perm("softlanding.view_application", app):
        raise not_found("application")
    if perm and not request.user.has_perm(perm, app):
        raise HttpError(403, _("You may see this application but not do this."))
    return app


@router.get(
    "/softlanding/programmes/{pk}/applications",
    response=answers({200: list[ApplicationOut]}, 404),
)
def list_applications(request, pk: int):
    programme = load_programme(request, pk)
    return selectors.visible_applications(request.user).filter(programme=programme)


@router.post(
    "/softlanding/programmes/{pk}/applications",
    response=answers({201: ApplicationOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def submit_application(request, pk: int, payload: ApplicationIn):
    programme = load_programme(request, pk)  # only parks taking part see (and apply to) it
    if not request.user.has_perm("softlanding.apply_to_programme"):
        raise HttpError(403, _("Only the staff of a home park may endorse applications."))
    offers = {
        o.pk: o for o in HostOffer.objects.filter(pk__in=payload.preferences, programme=programme)
    }
    if len(offers) != len(set(payload.preferences)):
        raise invalid("preferences", _("Unknown host offer in the preferences."))
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
    return load_application(request, pk)


@router.get(
    "/softlanding/applications/{pk}/hosts", response=answers({200: list[RankedOut]}, 403, 404)
)
def ranked_hosts(request, pk: int):
    app = load_application(request, pk, "softlanding.score_application")
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
    app = load_application(request, pk, "softlanding.move_application")
    offer = None
    if payload.offer:
        offer = HostOffer.objects.filter(pk=payload.offer, programme=app.programme).first()
        if offer is None:
            raise invalid("offer", _("Choose a host offer of this application's programme."))
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
    app = load_application(request, pk, "softlanding.score_application")
    criteria = {c.name: c for c in app.programme.criteria.all()}
    unknown = set(payload.scores) - set(criteria)
    if unknown:
        raise invalid(
            "scores", _("Unknown criteria: %(names)s.") % {"names": ", ".join(sorted(unknown))}
        )
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
    app = load_application(request, pk, "softlanding.move_application")
    o = services.record_outcome(application=app, **payload.dict())
    return Status(201, {"id": o.id, "months": o.months})


@router.post(
    "/softlanding/applications/{pk}/follow-ups",
    response=answers({201: ApplicationFollowUpOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def add_follow_up(request, pk: int, payload: ApplicationFollowUpIn):
    """Record that a follow-up of one of the caller's delegations led to this application."""
    app = load_application(request, pk)
    delegation = visible_delegations(request.user).filter(pk=payload.delegation).first()
    if delegation is None:
        raise invalid(
            "delegation",
            _("Choose one of your delegations (GET /api/v1/partnerships/delegations)."),
        )
    if not request.user.has_perm("partnerships.change_delegation", delegation):
        raise HttpError(
            403, _("Only the staff of a host or visiting organisation may change this delegation.")
        )
    follow_up = services.add_delegation_follow_up(
        delegation=delegation,
        description=payload.description,
        kind=FollowUpKind.APPLICATION,
        application=app,
        due_on=payload.due_on,
    )
    return Status(201, follow_up)
