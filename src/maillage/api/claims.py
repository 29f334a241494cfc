"""Company-page claims API: claim an organisation's page, list the claims one may decide (staff
of the host park) or one's own, approve or refuse. Services in maillage.ecosystem.claims."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status

from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers, not_found, state_change
from maillage.ecosystem import claims
from maillage.ecosystem.models import Organisation, PageClaim

router = Router(tags=["directory"])


class ClaimIn(Schema):
    message: str = Field("", max_length=1000, description="Your role, for the park's staff.")


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
