"""Agreements API: parties, commitments, status, notes and documents. Staff of a party see and
edit an agreement; anonymous callers see public agreements only. Signatories are people the
caller may see, and are shown only to those who may see them."""

from __future__ import annotations

from datetime import date, datetime

from django.http import FileResponse
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from maillage.api import lookups
from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers, not_found, state_change
from maillage.api.files import PDF, file_operation
from maillage.api.texts import MAX_ITEMS, Code, Line, Text
from maillage.ecosystem.models import Sector
from maillage.ecosystem.selectors import visible_people
from maillage.partnerships import selectors, services
from maillage.partnerships.enums import AgreementKind, AgreementStatus, PartyRole
from maillage.partnerships.models import Agreement

router = Router(tags=["partnerships"])


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
    action: Text
    kind: Code = "other"
    owner: int | None = None
    due_on: date | None = None


class CommitmentOut(Schema):
    id: int
    action: str
    kind: str
    owner: int | None
    due_on: date | None
    done: bool


class CommitmentPatch(Schema):
    done: bool


class SignatoryOut(Schema):
    id: int
    name: str


class AgreementIn(Schema):
    title: Line
    kind: AgreementKind
    parties: list[PartyIn] = Field(..., max_length=MAX_ITEMS)
    status: AgreementStatus = AgreementStatus.NEGOTIATION
    description: Text = ""
    is_public: bool = False
    signed_on: date | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    remind_days_before: int = Field(60, ge=0, le=3650)
    place: Line = ""
    occasion: Line = ""
    domains: list[Code] = Field([], max_length=MAX_ITEMS)  # sector codes
    signatories: list[int] = Field([], max_length=MAX_ITEMS)  # person ids
    commitments: list[CommitmentIn] = Field([], max_length=MAX_ITEMS)


class AgreementPatch(Schema):
    title: Line | None = None
    description: Text | None = None
    is_public: bool | None = None
    signed_on: date | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    remind_days_before: int | None = Field(None, ge=0, le=3650)
    place: Line | None = None
    occasion: Line | None = None
    parties: list[PartyIn] | None = Field(None, max_length=MAX_ITEMS)
    signatories: list[int] | None = Field(None, max_length=MAX_ITEMS)


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
    signatories: list[SignatoryOut]

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

    @staticmethod
    def resolve_signatories(obj):
        # Set by the handler: only the signatories the caller may see.
        return [{"id": p.pk, "name": str(p)} for p in getattr(obj, "shown_signatories", [])]


class StatusIn(Schema):
    status: AgreementStatus
    signed_on: date | None = None


class NoteIn(Schema):
    body: Text


class NoteOut(Schema):
    id: int
    body: str
    created_at: datetime


class DocumentOut(Schema):
    id: int
    title: str
    size: int


def _agreement(request, pk: int, *, change: bool = False) -> Agreement:
    agreement = Agreement.objects.prefetch_related("parties__organisation").filter(pk=pk).first()
    if agreement is None or not request.user.has_perm("partnerships.view_agreement", agreement):
        raise not_found("agreement")
    if change and not request.user.has_perm("partnerships.change_agreement", agreement):
        raise HttpError(403, _("Only the staff of a party may change this agreement."))
    return agreement


def _shown(request, agreements):
    """Attach to each agreement the signatories the caller may see."""
    agreements = list(agreements)
    visible = set(
        visible_people(request.user)
        .filter(signed_agreements__in=agreements)
        .values_list("pk", flat=True)
    )
    for a in agreements:
        a.shown_signatories = [p for p in a.signatories.all() if p.pk in visible]
    return agreements


def _out(request, pk: int) -> Agreement:
    qs = Agreement.objects.prefetch_related(
        "parties__organisation", "domains", "commitments", "signatories"
    )
    return _shown(request, qs.filter(pk=pk))[0]


def _parties(payload_parties) -> list[tuple]:
    orgs = lookups.organisations([p.organisation for p in payload_parties], field="parties")
    return [(org, p.role) for org, p in zip(orgs, payload_parties, strict=True)]


@router.get("/partnerships/agreements", response=answers({200: list[AgreementOut]}))
def list_agreements(request, kind: Code = "", status: Code = ""):
    qs = selectors.filter_agreements(
        selectors.visible_agreements(request.user), kind=kind, status=status
    ).prefetch_related("commitments", "signatories")
    return _shown(request, qs)


@router.post(
    "/partnerships/agreements",
    response=answers({201: AgreementOut}, 401, 403),
    auth=WRITE_AUTH,
)
def create_agreement(request, payload: AgreementIn):
    if not request.user.has_perm("partnerships.add_agreement"):
        raise HttpError(403, _("Only park or network staff may record agreements."))
    parties = _parties(payload.parties)
    owners = lookups.organisations(
        [c.owner for c in payload.commitments if c.owner], field="commitments"
    )
    owner_by_id = {o.pk: o for o in owners}
    signatories = lookups.people(request.user, payload.signatories, field="signatories")
    data = payload.dict(
        exclude={"parties", "domains", "signatories", "commitments", "title", "kind", "status"}
    )
    agreement = services.create_agreement(
        user=request.user,
        title=payload.title,
        kind=payload.kind,
        status=payload.status,
        parties=parties,
        domains=list(Sector.objects.filter(code__in=payload.domains)),
        signatories=signatories,
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
    return Status(201, _out(request, agreement.pk))


@router.get("/partnerships/agreements/{pk}", response=answers({200: AgreementOut}, 404))
def get_agreement(request, pk: int):
    return _out(request, _agreement(request, pk).pk)


@router.patch(
    "/partnerships/agreements/{pk}",
    response=answers({200: AgreementOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def update_agreement(request, pk: int, payload: AgreementPatch):
    agreement = _agreement(request, pk, change=True)
    fields = payload.dict(exclude_unset=True, exclude={"parties", "signatories"})
    parties = _parties(payload.parties) if payload.parties is not None else None
    signatories = (
        lookups.people(request.user, payload.signatories, field="signatories")
        if payload.signatories is not None
        else None
    )
    services.update_agreement(
        agreement=agreement,
        user=request.user,
        parties=parties,
        signatories=signatories,
        **fields,
    )
    return _out(request, pk)


@router.post(
    "/partnerships/agreements/{pk}/status",
    response=answers({200: AgreementOut}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
)
def change_status(request, pk: int, payload: StatusIn):
    agreement = _agreement(request, pk, change=True)
    with state_change():
        services.change_agreement_status(
            agreement=agreement,
            status=payload.status,
            user=request.user,
            signed_on=payload.signed_on,
        )
    return _out(request, pk)


@router.post(
    "/partnerships/agreements/{pk}/commitments",
    response=answers({201: CommitmentOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def add_commitment(request, pk: int, payload: CommitmentIn):
    agreement = _agreement(request, pk, change=True)
    c = services.add_commitment(
        agreement=agreement,
        action=payload.action,
        kind=payload.kind,
        owner=lookups.organisation(payload.owner, field="owner"),
        due_on=payload.due_on,
    )
    return Status(201, commitment_json(c))


@router.get(
    "/partnerships/agreements/{pk}/notes",
    response=answers({200: list[NoteOut]}, 403, 404),
)
def list_notes(request, pk: int):
    return _agreement(request, pk, change=True).notes.all()


@router.post(
    "/partnerships/agreements/{pk}/notes",
    response=answers({201: NoteOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def add_note(request, pk: int, payload: NoteIn):
    agreement = _agreement(request, pk, change=True)
    return Status(201, services.add_note(agreement=agreement, body=payload.body, user=request.user))


@router.get(
    "/partnerships/agreements/{pk}/documents",
    response=answers({200: list[DocumentOut]}, 403, 404),
)
def list_documents(request, pk: int):
    return _agreement(request, pk, change=True).documents.all()


@router.post(
    "/partnerships/agreements/{pk}/documents",
    response=answers({201: DocumentOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def upload_document(
    request, pk: int, file: File[UploadedFile], title: str = Form("", max_length=200)
):
    agreement = _agreement(request, pk, change=True)
    return Status(
        201, services.add_document(agreement=agreement, title=title, file=file, user=request.user)
    )


@router.patch(
    "/partnerships/agreements/{pk}/commitments/{commitment_pk}",
    response=answers({200: CommitmentOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def set_commitment_done(request, pk: int, commitment_pk: int, payload: CommitmentPatch):
    """Mark a commitment done (the day is recorded) or not done again."""
    agreement = _agreement(request, pk, change=True)
    commitment = agreement.commitments.filter(pk=commitment_pk).first()
    if commitment is None:
        raise not_found("commitment")
    return commitment_json(services.set_commitment_done(commitment=commitment, done=payload.done))


@router.get(
    "/partnerships/agreements/{pk}/documents/{document_pk}",
    response=answers({200: None}, 403, 404),
    openapi_extra=file_operation(PDF),
)
def download_document(request, pk: int, document_pk: int):
    """The PDF of a signed document; for the staff of a party, like the documents list."""
    agreement = _agreement(request, pk, change=True)
    document = agreement.documents.filter(pk=document_pk).first()
    if document is None:
        raise not_found("document")
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as exc:
        raise HttpError(404, _("The file of this document is missing; upload it again.")) from exc
    return FileResponse(handle, content_type=PDF, filename=document.file.name.rsplit("/", 1)[-1])
