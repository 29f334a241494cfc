"""Delegations API: delegations and missions, their visits, contacts met and follow-ups. Staff
of a host or visiting organisation see and edit a delegation; nobody else sees it. Members and
contacts are people the caller may see."""

from __future__ import annotations

from datetime import date, datetime

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from maillage.api import lookups
from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers, invalid, not_found
from maillage.api.texts import MAX_ITEMS, Line, Text
from maillage.ecosystem.selectors import visible_people
from maillage.partnerships import selectors, services
from maillage.partnerships.enums import DelegationDirection, FollowUpKind
from maillage.partnerships.models import Delegation
from maillage.softlanding.selectors import visible_applications
from maillage.softlanding.services import add_delegation_follow_up

router = Router(tags=["partnerships"])


class DelegationIn(Schema):
    title: Line
    direction: DelegationDirection
    purpose: Text = ""
    starts_on: date
    ends_on: date
    countries: Line = ""
    time_zone: Line = ""
    hosts: list[int] = Field(..., max_length=MAX_ITEMS)
    visitors: list[int] = Field(..., max_length=MAX_ITEMS)
    members: list[int] = Field([], max_length=MAX_ITEMS)


class DelegationPatch(Schema):
    """Only the fields sent change."""

    title: Line | None = None
    direction: DelegationDirection | None = None
    purpose: Text | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    countries: Line | None = None
    time_zone: Line | None = None
    hosts: list[int] | None = Field(None, max_length=MAX_ITEMS)
    visitors: list[int] | None = Field(None, max_length=MAX_ITEMS)
    members: list[int] | None = Field(None, max_length=MAX_ITEMS)


class VisitIn(Schema):
    organisation: int | None = None
    place: Line = ""
    starts_at: datetime
    ends_at: datetime
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    notes: Text = ""


class VisitOut(Schema):
    id: int
    organisation: int | None = None
    place: str
    starts_at: datetime
    ends_at: datetime

    @staticmethod
    def resolve_organisation(obj):
        return obj.organisation_id


class ContactIn(Schema):
    person: int | None = None
    name: Line = ""
    organisation: int | None = None
    notes: Text = ""


class ContactOut(Schema):
    id: int
    name: str


class FollowUpIn(Schema):
    description: Text
    kind: FollowUpKind = FollowUpKind.OTHER
    agreement: int | None = None
    application: int | None = None
    due_on: date | None = None


class FollowUpOut(Schema):
    id: int
    kind: str
    description: str
    done: bool = False


class FollowUpPatch(Schema):
    done: bool


class DelegationOut(Schema):
    id: int
    title: str
    direction: str
    purpose: str
    starts_on: date
    ends_on: date
    countries: str
    time_zone: str
    hosts: list[int]
    visitors: list[int]
    visits: list[VisitOut]
    contacts: list[ContactOut]
    follow_ups: list[FollowUpOut]
    members: list[ContactOut]  # only the members the caller may see

    @staticmethod
    def resolve_hosts(obj):
        return [o.pk for o in obj.hosts.all()]

    @staticmethod
    def resolve_visitors(obj):
        return [o.pk for o in obj.visitors.all()]

    @staticmethod
    def resolve_visits(obj):
        return list(obj.visits.all())

    @staticmethod
    def resolve_contacts(obj):
        return [{"id": c.id, "name": str(c)} for c in obj.contacts.all()]

    @staticmethod
    def resolve_follow_ups(obj):
        return list(obj.follow_ups.all())

    @staticmethod
    def resolve_members(obj, context):
        people = visible_people(context["request"].user).filter(delegations=obj)
        return [{"id": p.pk, "name": str(p)} for p in people]


def _delegation(request, pk: int, *, change: bool = False) -> Delegation:
    delegation = (
        Delegation.objects.prefetch_related(
            "hosts",
            "visitors",
            "visits",
            "follow_ups",
            "contacts__person",
            "contacts__organisation",
        )
        .filter(pk=pk)
        .first()
    )
    if delegation is None or not request.user.has_perm("partnerships.view_delegation", delegation):
        raise not_found("delegation")
    if change and not request.user.has_perm("partnerships.change_delegation", delegation):
        raise HttpError(
            403, _("Only the staff of a host or visiting organisation may change this delegation.")
        )
    return delegation


@router.get("/partnerships/delegations", response=answers({200: list[DelegationOut]}))
def list_delegations(request):
    return selectors.visible_delegations(request.user).prefetch_related(
        "visits", "follow_ups", "contacts__person", "contacts__organisation"
    )


@router.post(
    "/partnerships/delegations",
    response=answers({201: DelegationOut}, 401, 403),
    auth=WRITE_AUTH,
)
def create_delegation(request, payload: DelegationIn):
    if not request.user.has_perm("partnerships.add_delegation"):
        raise HttpError(403, _("Only park or network staff may record delegations."))
    data = payload.dict(exclude={"hosts", "visitors", "members"})
    d = services.create_delegation(
        user=request.user,
        hosts=lookups.organisations(payload.hosts, field="hosts"),
        visitors=lookups.organisations(payload.visitors, field="visitors"),
        members=lookups.people(request.user, payload.members, field="members"),
        **data,
    )
    return Status(201, _delegation(request, d.pk))


@router.get("/partnerships/delegations/{pk}", response=answers({200: DelegationOut}, 404))
def get_delegation(request, pk: int):
    return _delegation(request, pk)


@router.patch(
    "/partnerships/delegations/{pk}",
    response=answers({200: DelegationOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def update_delegation(request, pk: int, payload: DelegationPatch):
    delegation = _delegation(request, pk, change=True)
    relations = {"hosts", "visitors", "members"}
    fields = {
        k: v
        for k, v in payload.dict(exclude_unset=True, exclude=relations).items()
        if v is not None
    }
    services.update_delegation(
        delegation=delegation,
        user=request.user,
        hosts=_organisations(payload.hosts, "hosts"),
        visitors=_organisations(payload.visitors, "visitors"),
        members=(
            lookups.people(request.user, payload.members, field="members")
            if payload.members is not None
            else None
        ),
        **fields,
    )
    return _delegation(request, pk)


def _organisations(ids, field: str):
    return lookups.organisations(ids, field=field) if ids is not None else None


@router.post(
    "/partnerships/delegations/{pk}/visits",
    response=answers({201: VisitOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def add_visit(request, pk: int, payload: VisitIn):
    delegation = _delegation(request, pk, change=True)
    data = payload.dict(exclude={"organisation"})
    org = lookups.organisation(payload.organisation)
    return Status(201, services.add_visit(delegation=delegation, organisation=org, **data))


@router.post(
    "/partnerships/delegations/{pk}/contacts",
    response=answers({201: ContactOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def add_contact(request, pk: int, payload: ContactIn):
    delegation = _delegation(request, pk, change=True)
    c = services.add_contact(
        delegation=delegation,
        person=lookups.person(request.user, payload.person),
        name=payload.name,
        organisation=lookups.organisation(payload.organisation),
        notes=payload.notes,
    )
    return Status(201, {"id": c.id, "name": str(c)})


@router.post(
    "/partnerships/delegations/{pk}/follow-ups",
    response=answers({201: FollowUpOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def add_follow_up(request, pk: int, payload: FollowUpIn):
    delegation = _delegation(request, pk, change=True)
    agreement = application = None
    if payload.agreement:
        agreement = selectors.editable_agreements(request.user).filter(pk=payload.agreement).first()
        if agreement is None:
            raise invalid("agreement", _("Choose an agreement your organisation is party to."))
    if payload.application:
        application = visible_applications(request.user).filter(pk=payload.application).first()
        if application is None:
            raise invalid("application", _("Choose an application you may see."))
    # Soft landing's service: it links a follow-up of kind "application" to its application.
    f = add_delegation_follow_up(
        delegation=delegation,
        description=payload.description,
        kind=payload.kind,
        agreement=agreement,
        application=application,
        due_on=payload.due_on,
    )
    return Status(201, f)


@router.patch(
    "/partnerships/delegations/{pk}/follow-ups/{follow_up_pk}",
    response=answers({200: FollowUpOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def set_follow_up_done(request, pk: int, follow_up_pk: int, payload: FollowUpPatch):
    delegation = _delegation(request, pk, change=True)
    follow_up = delegation.follow_ups.filter(pk=follow_up_pk).first()
    if follow_up is None:
        raise not_found("follow-up")
    return services.set_follow_up_done(follow_up=follow_up, done=payload.done)
