"""Pages of company-page claims: claim a page, edit a claimed page, and the park staff's list of
claims to approve or refuse. Thin: the logic is in ecosystem/claims.py, the rules in rules.py."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.core.forms import add_service_errors
from maillage.ecosystem import claims
from maillage.ecosystem.forms import ClaimForm, CompanyPageForm
from maillage.ecosystem.models import Organisation, PageClaim


@login_required
@require_POST
def claim(request, slug: str):
    organisation = get_object_or_404(Organisation, slug=slug)
    form = ClaimForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    try:
        made = claims.claim_organisation(
            organisation=organisation, user=request.user, message=message
        )
    except (ValidationError, PermissionDenied) as exc:
        text = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        messages.error(request, text)
    else:
        if made.status == PageClaim.Status.APPROVED:
            messages.success(
                request,
                _("Your address is at the organisation's domain: you may edit its page now."),
            )
        else:
            messages.success(
                request,
                _(
                    "Your claim is sent to the park's staff; you will receive an e-mail when they decide."
                ),
            )
    return redirect(organisation)


@login_required
def edit_page(request, slug: str):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("ecosystem.edit_organisation_page", organisation):
        raise PermissionDenied(
            _("You may not edit this page: claim it first, or ask your park's staff.")
        )
    form = CompanyPageForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        fields = form.changed_fields()
        sectors = fields.pop("sectors", None)
        organisation.refresh_from_db()  # validation touched the instance in memory
        try:
            organisation = claims.update_page(
                organisation, by=request.user, sectors=sectors, **fields
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Your changes were saved."))
            return redirect(organisation)
    return render(
        request,
        "ecosystem/organisation_form.html",
        {"form": form, "organisation": organisation, "page_only": True},
    )


@login_required
def claims_list(request):
    if not request.user.has_perm("ecosystem.decide_claims"):
        raise PermissionDenied(_("Only the staff of a park decide the claims of company pages."))
    status = request.GET.get("status", PageClaim.Status.PENDING)
    status = (
        status if status in PageClaim.Status.values or status == "" else PageClaim.Status.PENDING
    )
    rows = claims.claims_to_decide(request.user, status=status)[:200]
    return render(
        request,
        "ecosystem/claims.html",
        {"claims": rows, "status": status, "statuses": PageClaim.Status.choices},
    )


DECISIONS = {"approve": claims.approve_claim, "refuse": claims.refuse_claim}


@login_required
@require_POST
def decide(request, claim_id: int, action: str):
    found = get_object_or_404(PageClaim.objects.select_related("organisation"), pk=claim_id)
    if action not in DECISIONS:
        messages.error(request, _("Unknown decision; approve or refuse."))
        return redirect("ecosystem:claims")
    try:
        DECISIONS[action](claim=found, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The claim is decided; the claimant is told by e-mail."))
    return redirect("ecosystem:claims")
