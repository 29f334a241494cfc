"""Partnerships API: agreements (parties, commitments, status, notes, documents), the network
graph and delegations. Staff of a party see and edit an agreement; staff of a host or visiting
organisation see and edit a delegation; anonymous callers see public agreements only."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from ninja import File, Form, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile
from ninja.security import django_auth

from maillage.api.auth import TokenAuth
from maillage.ecosystem.models import Organisation, Person, Sector
from maillage.partnerships import network, selectors, services
from maillage.partnerships.enums import AgreementKind, DelegationDirection, FollowUpKind, PartyRole
from maillage.partnerships.models import Agreement, Delegation

router = Router(tags=["partnerships"])
WRITE_AUTH = [TokenAuth(), django_auth]


def commitment_json(c) -> dict:
    """A commitment as the API shows it, in an agreement and on its own."""
    return {
        "id": c.id,
        "action": c.action,
        "kind": c.kind,
        "owner": c.owner_id,
        "due_on": c.due_on,
        "done": c.done,
    }


class PartyIn(Schema):
    organisation: int
    role: PartyRole = PartyRole.SIGNATORY


class PartyOut(Schema):
    organisation: int
    name: str
    country: str
    role: str


class CommitmentIn(Schema):
    action: str
    kind: str = "other"
    owner: int | None = None
    due_on: date | None = None


class CommitmentOut(Schema):
    id: int
    action: str
    kind: str
    owner: int | None
    due_on: date | None
    done: bool


class AgreementIn(Schema):
    title: str
    kind: AgreementKind
    parties: list[PartyIn]
    status: str = "negotiation"
    description: str = ""
    is_public: bool = False
    signed_on: date | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    remind_days_before: int = 60
    place: str = ""
    occasion: str = ""
    domains: list[str] = []  # sector codes
    signatories: list[int] = []  # person ids
    commitments: list[CommitmentIn] = []


class AgreementPatch(Schema):
    title: str | None = None
    description: str | None = None
    is_public: bool | None = None
    signed_on: date | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    remind_days_before: int | None = None
    place: str | None = None
    occasion: str | None = None
    parties: list[PartyIn] | None = None


class AgreementOut(Schema):
    id: int
    title: str
    kind: str
    status: str
    is_public: bool
    signed_on: date | None
    starts_on: date | None
    ends_on: date | None
    place: str
    occasion: str
    parties: list[PartyOut]
    domains: list[str]
    commitments: list[CommitmentOut]

    @staticmethod
    def resolve_parties(obj):
        return [
            {
                "organisation": p.organisation_id,
                "name": p.organisation.name,
                "country": p.organisation.country,
                "role": p.role,
            }
            for p in obj.parties.all()
        ]

    @staticmethod
    def resolve_domains(obj):
        return [d.code for d in obj.domains.all()]

    @staticmethod
    def resolve_commitments(obj):
        return [commitment_json(c) for c in obj.commitments.all()]


class StatusIn(Schema):
    status: str
    signed_on: date | None = None


class NoteIn(Schema):
    body: str


class NoteOut(Schema):
    id: int
    body: str
    created_at: datetime


class DocumentOut(Schema):
    id: int
    title: str
    size: int


class NetworkOut(Schema):
    nodes: list[dict]
    edges: list[dict]


class DelegationIn(Schema):
    title: str
    direction: DelegationDirection
    purpose: str = ""
    starts_on: date
    ends_on: date
    countries: str = ""
    time_zone: str = ""
    hosts: list[int]
    visitors: list[int]
    members: list[int] = []


class VisitIn(Schema):
    organisation: int | None = None
    place: str = ""
    starts_at: datetime
    ends_at: datetime
    latitude: float | None = None
    longitude: float | None = None
    notes: str = ""


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
    name: str = ""
    organisation: int | None = None
    notes: str = ""


class FollowUpIn(Schema):
    description: str
    kind: FollowUpKind = FollowUpKind.OTHER
    agreement: int | None = None
    application: int | None = None
    due_on: date | None = None


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

    @staticmethod
    def resolve_hosts(obj):
        return [o.pk for o in obj.hosts.all()]

    @staticmethod
    def resolve_visitors(obj):
        return [o.pk for o in obj.visitors.all()]

    @staticmethod
    def resolve_visits(obj):
        return list(obj.visits.all())


def fail(exc: DjangoValidationError):
    raise HttpError(422, " ".join(exc.messages))


def _orgs(ids) -> list[Organisation]:
    found = {o.pk: o for o in Organisation.objects.filter(pk__in=ids)}
    missing = [i for i in ids if i not in found]
    if missing:
        raise HttpError(422, f"Unknown organisation id(s): {', '.join(map(str, missing))}.")
    return [found[i] for i in ids]


def _agreement(request, pk: int, *, change: bool = False) -> Agreement:
    agreement = get_object_or_404(
        Agreement.objects.prefetch_related("parties__organisation"), pk=pk
    )
    if not request.user.has_perm("partnerships.view_agreement", agreement):
        raise HttpError(404, "No such agreement.")
    if change and not request.user.has_perm("partnerships.change_agreement", agreement):
        raise HttpError(403, "Only the staff of a party may change this agreement.")
    return agreement


def _out(pk: int) -> Agreement:
    return Agreement.objects.prefetch_related(
        "parties__organisation", "domains", "commitments"
    ).get(pk=pk)


@router.get("/partnerships/agreements", response=list[AgreementOut])
def list_agreements(request, kind: str = "", status: str = ""):
    return selectors.filter_agreements(
        selectors.visible_agreements(request.user), kind=kind, status=status
    ).prefetch_related("commitments")


@router.post("/partnerships/agreements", response={201: AgreementOut}, auth=WRITE_AUTH)
def create_agreement(request, payload: AgreementIn):
    if not request.user.has_perm("partnerships.add_agreement"):
        raise HttpError(403, "Only park or network staff may record agreements.")
    orgs = _orgs([p.organisation for p in payload.parties])
    owners = _orgs([c.owner for c in payload.commitments if c.owner])
    owner_by_id = {o.pk: o for o in owners}
    data = payload.dict(
        exclude={"parties", "domains", "signatories", "commitments", "title", "kind", "status"}
    )
    try:
        agreement = services.create_agreement(
            user=request.user,
            title=payload.title,
            kind=payload.kind,
            status=payload.status,
            parties=[(org, p.role) for org, p in zip(orgs, payload.parties, strict=True)],
            domains=list(Sector.objects.filter(code__in=payload.domains)),
            signatories=list(Person.objects.filter(pk__in=payload.signatories)),
            commitments=[
                {
                    "action": c.action,
                    "kind": c.kind,
                    "owner": owner_by_id.get(c.owner),
                    "due_on": c.due_on,
                }
                for c in payload.commitments
            ],
            **data,
        )
    except DjangoValidationError as exc:
        fail(exc)
    return Status(201, _out(agreement.pk))


@router.get("/partnerships/agreements/{pk}", response=AgreementOut)
def get_agreement(request, pk: int):
    return _out(_agreement(request, pk).pk)


@router.patch("/partnerships/agreements/{pk}", response=AgreementOut, auth=WRITE_AUTH)
def update_agreement(request, pk: int, payload: AgreementPatch):
    agreement = _agreement(request, pk, change=True)
    fields = payload.dict(exclude_unset=True, exclude={"parties"})
    parties = None
    if payload.parties is not None:
        parties = [
            (org, p.role)
            for org, p in zip(
                _orgs([p.organisation for p in payload.parties]), payload.parties, strict=True
            )
        ]
    try:
        services.update_agreement(agreement=agreement, user=request.user, parties=parties, **fields)
    except DjangoValidationError as exc:
        fail(exc)
    return _out(pk)


@router.post("/partnerships/agreements/{pk}/status", response=AgreementOut, auth=WRITE_AUTH)
def change_status(request, pk: int, payload: StatusIn):
    agreement = _agreement(request, pk, change=True)
    try:
        services.change_agreement_status(
            agreement=agreement,
            status=payload.status,
            user=request.user,
            signed_on=payload.signed_on,
        )
    except DjangoValidationError as exc:
        fail(exc)
    return _out(pk)


@router.post(
    "/partnerships/agreements/{pk}/commitments", response={201: CommitmentOut}, auth=WRITE_AUTH
)
def add_commitment(request, pk: int, payload: CommitmentIn):
    agreement = _agreement(request, pk, change=True)
    owner = _orgs([payload.owner])[0] if payload.owner else None
    try:
        c = services.add_commitment(
            agreement=agreement,
            action=payload.action,
            kind=payload.kind,
            owner=owner,
            due_on=payload.due_on,
        )
    except DjangoValidationError as exc:
        fail(exc)
    return Status(201, commitment_json(c))


@router.get("/partnerships/agreements/{pk}/notes", response=list[NoteOut])
def list_notes(request, pk: int):
    return _agreement(request, pk, change=True).notes.all()


@router.post("/partnerships/agreements/{pk}/notes", response={201: NoteOut}, auth=WRITE_AUTH)
def add_note(request, pk: int, payload: NoteIn):
    agreement = _agreement(request, pk, change=True)
    try:
        return Status(
            201, services.add_note(agreement=agreement, body=payload.body, user=request.user)
        )
    except DjangoValidationError as exc:
        fail(exc)


@router.post(
    "/partnerships/agreements/{pk}/documents", response={201: DocumentOut}, auth=WRITE_AUTH
)
def upload_document(request, pk: int, file: File[UploadedFile], title: Form[str] = ""):
    agreement = _agreement(request, pk, change=True)
    try:
        return Status(
            201,
            services.add_document(agreement=agreement, title=title, file=file, user=request.user),
        )
    except DjangoValidationError as exc:
        fail(exc)


class NetworkFilters(Schema):
    kind: str = ""
    country: str = ""
    sector: str = ""  # sector code
    year: int | None = None


@router.get("/partnerships/network", response=NetworkOut)
def get_network(request, filters: Query[NetworkFilters]):
    sector = Sector.objects.filter(code=filters.sector).first() if filters.sector else None
    net = network.collect(
        request.user, kind=filters.kind, country=filters.country, sector=sector, year=filters.year
    )
    graph = net.graph()
    scores = network.centrality(graph)
    nodes = [
        {"id": n, **{k: v for k, v in data.items()}, **scores[n]}
        for n, data in graph.nodes(data=True)
    ]
    edges = [{"source": a, "target": b, **data} for a, b, data in graph.edges(data=True)]
    return {"nodes": nodes, "edges": edges}


def _delegation(request, pk: int, *, change: bool = False) -> Delegation:
    delegation = get_object_or_404(
        Delegation.objects.prefetch_related("hosts", "visitors", "visits"), pk=pk
    )
    if not request.user.has_perm("partnerships.view_delegation", delegation):
        raise HttpError(404, "No such delegation.")
    if change and not request.user.has_perm("partnerships.change_delegation", delegation):
        raise HttpError(
            403, "Only the staff of a host or visiting organisation may change this delegation."
        )
    return delegation


@router.get("/partnerships/delegations", response=list[DelegationOut])
def list_delegations(request):
    return selectors.visible_delegations(request.user).prefetch_related("visits")


@router.post("/partnerships/delegations", response={201: DelegationOut}, auth=WRITE_AUTH)
def create_delegation(request, payload: DelegationIn):
    if not request.user.has_perm("partnerships.add_delegation"):
        raise HttpError(403, "Only park or network staff may record delegations.")
    data = payload.dict(exclude={"hosts", "visitors", "members"})
    try:
        d = services.create_delegation(
            user=request.user,
            hosts=_orgs(payload.hosts),
            visitors=_orgs(payload.visitors),
            members=list(Person.objects.filter(pk__in=payload.members)),
            **data,
        )
    except DjangoValidationError as exc:
        fail(exc)
    return Status(201, _delegation(request, d.pk))


@router.get("/partnerships/delegations/{pk}", response=DelegationOut)
def get_delegation(request, pk: int):
    return _delegation(request, pk)


@router.post("/partnerships/delegations/{pk}/visits", response={201: VisitOut}, auth=WRITE_AUTH)
def add_visit(request, pk: int, payload: VisitIn):
    delegation = _delegation(request, pk, change=True)
    data = payload.dict(exclude={"organisation"})
    org = _orgs([payload.organisation])[0] if payload.organisation else None
    try:
        return Status(201, services.add_visit(delegation=delegation, organisation=org, **data))
    except DjangoValidationError as exc:
        fail(exc)


@router.post("/partnerships/delegations/{pk}/contacts", response={201: dict}, auth=WRITE_AUTH)
def add_contact(request, pk: int, payload: ContactIn):
    delegation = _delegation(request, pk, change=True)
    person = Person.objects.filter(pk=payload.person).first() if payload.person else None
    org = _orgs([payload.organisation])[0] if payload.organisation else None
    try:
        c = services.add_contact(
            delegation=delegation,
            person=person,
            name=payload.name,
            organisation=org,
            notes=payload.notes,
        )
    except DjangoValidationError as exc:
        fail(exc)
    return Status(201, {"id": c.id, "name": str(c)})


@router.post("/partnerships/delegations/{pk}/follow-ups", response={201: dict}, auth=WRITE_AUTH)
def add_follow_up(request, pk: int, payload: FollowUpIn):
    from maillage.softlanding.selectors import visible_applications

    delegation = _delegation(request, pk, change=True)
    agreement = (
        selectors.editable_agreements(request.user).filter(pk=payload.agreement).first()
        if payload.agreement
        else None
    )
    application = (
        visible_applications(request.user).filter(pk=payload.application).first()
        if payload.application
        else None
    )
    try:
        f = services.add_follow_up(
            delegation=delegation,
            description=payload.description,
            kind=payload.kind,
            agreement=agreement,
            application=application,
            due_on=payload.due_on,
        )
    except DjangoValidationError as exc:
        fail(exc)
    return Status(201, {"id": f.id, "kind": f.kind, "description": f.description})
