"""Company-page claims API: claim an organisation's page, list the claims one may decide (staff
of the host park) or one's own, approve or refuse. Services in maillage.ecosystem.claims."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from maillage.api.auth import WRITE_AUTH
from maillage.api.directory_schemas import OrganisationOut
from maillage.api.errors import answers, not_found, state_change
from maillage.api.texts import MAX_ITEMS, Code, Line, Text
from maillage.ecosystem import claims, services
from maillage.ecosystem.enums import SizeBand
from maillage.ecosystem.models import Organisation, PageClaim

router = Router(tags=["directory"])


class ClaimIn(Schema):
    message: str = Field("", max_length=1000, description="Your role, for the park's staff.")


class PagePatch(Schema):
    """The page's own fields, which its people edit; fields left out stay as they are."""

    model_config = {"extra": "forbid"}

    aliases: list[Line] | None = Field(None, max_length=MAX_ITEMS)
    description_en: Text | None = None
    description_fr: Text | None = None
    city: str | None = Field(None, max_length=120)
    address: str | None = Field(None, max_length=255)
    size_band: SizeBand | None = None
    founded_year: int | None = Field(None, ge=1000, le=2100)
    sectors: list[Code] | None = Field(None, description="sector codes", max_length=MAX_ITEMS)


class ClaimOut(Schema):
    id: int
    organisation: str = Field(..., description="Slug of the organisation.")
    claimant: str = Field(..., description="E-mail address of the claimant's account.")
    status: PageClaim.Status
    by_domain: bool = Field(..., description="Approved because the address is at its domain.")
    message: str
    created_at: datetime
    decided_at: datetime | None

    @staticmethod
    def resolve_organisation(obj) -> str:
        return obj.organisation.slug

    @staticmethod
    def resolve_claimant(obj) -> str:
        return obj.user.email


def _claim_or_404(request, claim_id: int) -> PageClaim:
    """Only the claimant and those who decide it see a claim; others get the unknown id's 404."""
    claim = PageClaim.objects.select_related("organisation", "user").filter(pk=claim_id).first()
    user = request.auth
    if claim is None or not (
        claim.user_id == user.pk or user.has_perm("ecosystem.decide_claim", claim)
    ):
        raise not_found("claim")
    return claim


@router.post(
    "/organisations/{slug}/claims",
    response=answers({201: ClaimOut}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
    summary="Claim the page of one's organisation (approved at once with an address at its domain)",
)
def claim_organisation(request, slug: str, payload: ClaimIn):
    organisation = get_object_or_404(Organisation, slug=slug)
    with state_change():
        claim = claims.claim_organisation(
            organisation=organisation, user=request.auth, message=payload.message
        )
    return Status(201, claim)


@router.get(
    "/claims",
    response=answers({200: list[ClaimOut]}, 401, 403),
    auth=WRITE_AUTH,
    summary="Claims of pages of organisations one's park hosts (status: pending by default)",
)
def list_claims(request, status: PageClaim.Status | None = PageClaim.Status.PENDING):
    user = request.auth
    if not user.has_perm("ecosystem.decide_claims"):
        raise PermissionDenied("Only the staff of a park decide the claims of company pages.")
    return list(claims.claims_to_decide(user, status=status or "")[:500])


@router.get(
    "/claims/mine",
    response=answers({200: list[ClaimOut]}, 401),
    auth=WRITE_AUTH,
    summary="One's own claims",
)
def my_claims(request):
    return list(PageClaim.objects.filter(user=request.auth).select_related("organisation", "user"))


@router.post(
    "/claims/{claim_id}/approve",
    response=answers({200: ClaimOut}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
    summary="Approve a claim (staff of the organisation's host park)",
)
def approve_claim(request, claim_id: int):
    claim = _claim_or_404(request, claim_id)
    with state_change():
        return claims.approve_claim(claim=claim, by=request.auth)


@router.post(
    "/claims/{claim_id}/refuse",
    response=answers({200: ClaimOut}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
    summary="Refuse a claim (staff of the organisation's host park)",
)
def refuse_claim(request, claim_id: int):
    claim = _claim_or_404(request, claim_id)
    with state_change():
        return claims.refuse_claim(claim=claim, by=request.auth)


@router.patch(
    "/organisations/{slug}/page",
    response=answers({200: OrganisationOut}, 401, 403, 404),
    auth=WRITE_AUTH,
    summary="Edit the page's own fields (its people by an approved claim, or the park's staff)",
)
def edit_page(request, slug: str, payload: PagePatch):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.auth.has_perm("ecosystem.edit_organisation_page", organisation):
        raise PermissionDenied(
            _("You may not edit this page: claim it first, or ask your park's staff.")
        )
    fields = payload.model_dump(exclude_unset=True)
    sectors = fields.pop("sectors", None)
    if "aliases" in fields:
        fields["aliases"] = "\n".join(a.strip() for a in fields["aliases"] or [] if a.strip())
    for name in ("description_en", "description_fr", "city", "address", "size_band"):
        if name in fields and fields[name] is None:
            fields[name] = ""
    organisation = claims.update_page(
        organisation,
        by=request.auth,
        sectors=services.sectors_from_codes(sectors) if sectors is not None else None,
        **fields,
    )
    return Organisation.objects.select_related("parent", "host_park").get(pk=organisation.pk)
