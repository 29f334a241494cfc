"""Soft-landing programmes and their host offers. Organisers' staff create and run a programme;
the staff of a host see the programmes their offers belong to; nobody else sees anything."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from maillage.api import lookups
from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers, invalid, not_found
from maillage.api.texts import MAX_ITEMS, Code, Line, Text
from maillage.ecosystem.models import Sector
from maillage.partnerships.models import Agreement
from maillage.softlanding import selectors, services
from maillage.softlanding.enums import Service
from maillage.softlanding.models import HostOffer, Programme

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


class OfferPatch(Schema):
    host: int | None = None
    desks: int | None = Field(None, ge=0, le=100_000)
    available_from: date | None = None
    available_until: date | None = None
    services: list[Service] | None = Field(None, max_length=MAX_ITEMS)
    sectors: list[Code] | None = Field(None, max_length=MAX_ITEMS)
    languages: Line | None = None
    fees: Line | None = None
    description: Text | None = None


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


class ProgrammePatch(Schema):
    """Only the fields sent change; ``agreement: null`` unlinks the agreement."""

    name: Line | None = None
    organisers: list[int] | None = Field(None, max_length=MAX_ITEMS)
    agreement: int | None = None
    description: Text | None = None
    is_open: bool | None = None
    criteria: list[tuple[Line, int]] | None = Field(None, max_length=MAX_ITEMS)


class CriterionOut(Schema):
    name: str
    weight: int


class ProgrammeOut(Schema):
    id: int
    name: str
    description: str
    is_open: bool
    agreement: int | None
    organisers: list[int]
    offers: list[OfferOut]
    criteria: list[CriterionOut]

    @staticmethod
    def resolve_agreement(obj):
        return obj.agreement_id

    @staticmethod
    def resolve_organisers(obj):
        return [o.pk for o in obj.organisers.all()]

    @staticmethod
    def resolve_offers(obj):
        return list(obj.offers.select_related("host"))

    @staticmethod
    def resolve_criteria(obj):
        return list(obj.criteria.all())


def load_programme(request, pk: int, *, change: bool = False) -> Programme:
    """The programme if the caller may see it (404 otherwise); 403 when ``change`` is asked
    and the caller is not on the organisers' staff."""
    programme = Programme.objects.prefetch_related("organisers", "offers").filter(pk=pk).first()
    if programme is None or not request.user.has_perm("softlanding.view_programme", programme):
        raise not_found("programme")
    if change and not request.user.has_perm("softlanding.change_programme", programme):
        raise HttpError(403, _("Only the organisers' staff may change this programme."))
    return programme


def _agreement(request, pk: int | None) -> Agreement | None:
    agreement = Agreement.objects.filter(pk=pk).first() if pk else None
    if pk and (
        agreement is None or not request.user.has_perm("partnerships.change_agreement", agreement)
    ):
        raise invalid("agreement", _("Choose an agreement your organisation is party to."))
    return agreement


def _sectors(codes) -> list[Sector]:
    return list(Sector.objects.filter(code__in=codes))


@router.get("/softlanding/programmes", response=answers({200: list[ProgrammeOut]}))
def list_programmes(request):
    return selectors.visible_programmes(request.user).prefetch_related("criteria")


@router.post(
    "/softlanding/programmes", response=answers({201: ProgrammeOut}, 401, 403), auth=WRITE_AUTH
)
def create_programme(request, payload: ProgrammeIn):
    if not request.user.has_perm("softlanding.add_programme"):
        raise HttpError(403, _("Only park or network staff may create programmes."))
    p = services.create_programme(
        user=request.user,
        name=payload.name,
        organisers=lookups.organisations(payload.organisers, field="organisers"),
        agreement=_agreement(request, payload.agreement),
        description=payload.description,
        is_open=payload.is_open,
        criteria=payload.criteria,
    )
    return Status(201, p)


@router.get("/softlanding/programmes/{pk}", response=answers({200: ProgrammeOut}, 404))
def get_programme(request, pk: int):
    return load_programme(request, pk)


@router.patch(
    "/softlanding/programmes/{pk}",
    response=answers({200: ProgrammeOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def update_programme(request, pk: int, payload: ProgrammePatch):
    programme = load_programme(request, pk, change=True)
    sent = payload.model_fields_set
    organisers = (
        lookups.organisations(payload.organisers, field="organisers")
        if payload.organisers is not None
        else list(programme.organisers.all())
    )
    services.update_programme(
        programme=programme,
        user=request.user,
        name=payload.name if payload.name is not None else programme.name,
        organisers=organisers,
        agreement=(
            _agreement(request, payload.agreement) if "agreement" in sent else programme.agreement
        ),
        description=(
            payload.description if payload.description is not None else programme.description
        ),
        is_open=payload.is_open if payload.is_open is not None else programme.is_open,
        criteria=payload.criteria,
    )
    return load_programme(request, pk)


@router.post(
    "/softlanding/programmes/{pk}/open",
    response=answers({200: ProgrammeOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def open_or_close(request, pk: int, is_open: bool):
    programme = load_programme(request, pk, change=True)
    return services.set_programme_open(programme=programme, is_open=is_open)


@router.post(
    "/softlanding/programmes/{pk}/offers",
    response=answers({201: OfferOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def create_offer(request, pk: int, payload: OfferIn):
    programme = load_programme(request, pk, change=True)
    data = payload.dict(exclude={"host", "sectors"})
    offer = services.create_offer(
        programme=programme,
        host=lookups.organisation(payload.host, field="host"),
        sectors=_sectors(payload.sectors),
        **data,
    )
    return Status(201, offer)


@router.patch(
    "/softlanding/programmes/{pk}/offers/{offer_pk}",
    response=answers({200: OfferOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def update_offer(request, pk: int, offer_pk: int, payload: OfferPatch):
    programme = load_programme(request, pk, change=True)
    offer = HostOffer.objects.filter(pk=offer_pk, programme=programme).first()
    if offer is None:
        raise not_found("host offer")
    fields = payload.dict(exclude_unset=True, exclude={"host", "sectors"})
    fields = {k: v for k, v in fields.items() if v is not None}
    if payload.host is not None:
        fields["host"] = lookups.organisation(payload.host, field="host")
    offer = services.update_offer(
        offer=offer,
        sectors=_sectors(payload.sectors) if payload.sectors is not None else None,
        **fields,
    )
    return HostOffer.objects.select_related("host").get(pk=offer.pk)
