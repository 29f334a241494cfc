"""Delegation and mission pages: list, detail (itinerary map and timeline), create, edit,
visits, contacts met and follow-ups."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.core.forms import add_service_errors
from maillage.partnerships import forms, selectors, services
from maillage.partnerships.models import Delegation, FollowUp
from maillage.partnerships.views.access import check

VIEW, CHANGE = "partnerships.view_delegation", "partnerships.change_delegation"


def _load(request, pk, *, change=False) -> Delegation:
    delegation = get_object_or_404(Delegation.objects.prefetch_related("hosts", "visitors"), pk=pk)
    return check(request.user, delegation, view=VIEW, change=CHANGE if change else None)


def _follow_up_form(request, data=None):
    return forms.FollowUpForm(
        data, prefix="f", agreements=selectors.editable_agreements(request.user)
    )


@login_required
def delegation_list(request):
    delegations = selectors.visible_delegations(request.user)
    direction = request.GET.get("direction", "")
    if direction:
        delegations = delegations.filter(direction=direction)
    return render(
        request,
        "partnerships/delegation_list.html",
        {
            "delegations": delegations,
            "direction": direction,
            "can_add": request.user.has_perm("partnerships.add_delegation"),
        },
    )


@login_required
def delegation_detail(request, pk):
    delegation = _load(request, pk)
    visits = list(delegation.visits.select_related("organisation"))
    with timezone.override(delegation.tz):  # itinerary times as lived at the destination
        return render(
            request,
            "partnerships/delegation_detail.html",
            {
                "delegation": delegation,
                "can_change": request.user.has_perm(CHANGE, delegation),
                "visits": visits,
                "points": [
                    {
                        "label": v.label,
                        "lat": v.coordinates[0],
                        "lon": v.coordinates[1],
                        "when": v.starts_at.isoformat(),
                    }
                    for v in visits
                    if v.coordinates
                ],
                "contacts": delegation.contacts.select_related("person", "organisation"),
                "follow_ups": delegation.follow_ups.select_related("agreement"),
                "members": delegation.members.all(),
                "visit_form": forms.VisitForm(prefix="v"),
                "contact_form": forms.ContactForm(prefix="p", user=request.user),
                "follow_up_form": _follow_up_form(request),
            },
        )


def _save(request, form, delegation=None):
    data = dict(form.cleaned_data)
    relations = {k: data.pop(k) for k in ("hosts", "visitors", "members")}
    try:
        if delegation is None:
            return services.create_delegation(user=request.user, **relations, **data)
        return services.update_delegation(
            delegation=delegation, user=request.user, **relations, **data
        )
    except ValidationError as exc:
        add_service_errors(form, exc)
        return None


@login_required
def delegation_create(request):
    if not request.user.has_perm("partnerships.add_delegation"):
        raise PermissionDenied
    form = forms.DelegationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        delegation = _save(request, form)
        if delegation:
            messages.success(request, _("Delegation recorded."))
            return redirect(delegation)
    return render(request, "partnerships/delegation_form.html", {"form": form, "delegation": None})


@login_required
def delegation_edit(request, pk):
    delegation = _load(request, pk, change=True)
    form = forms.DelegationForm(
        request.POST or None, instance=Delegation.objects.get(pk=pk), user=request.user
    )
    if request.method == "POST" and form.is_valid() and _save(request, form, delegation):
        messages.success(request, _("Delegation saved."))
        return redirect(delegation)
    return render(
        request, "partnerships/delegation_form.html", {"form": form, "delegation": delegation}
    )


def _add(request, delegation, form, valid: bool, add, done: str):
    """Add to the delegation what a valid form holds (``add`` is the service); say what happened."""
    if valid:
        try:
            add(delegation=delegation, **form.cleaned_data)
            messages.success(request, done)
        except ValidationError as exc:
            _errors(request, form, exc)
    else:
        _errors(request, form)
    return redirect(delegation)


def _errors(request, form, exc=None):
    problems = (
        exc.messages
        if exc
        else [
            f"{form.fields[k].label if k in form.fields else ''} {' '.join(v)}".strip()
            for k, v in form.errors.items()
        ]
    )
    for message in problems:
        messages.error(request, message)


@require_POST
@login_required
def visit_add(request, pk):
    delegation = _load(request, pk, change=True)
    with timezone.override(delegation.tz):  # the times typed are the destination's
        form = forms.VisitForm(request.POST, prefix="v")
        valid = form.is_valid()
    return _add(
        request, delegation, form, valid, services.add_visit, _("Visit added to the itinerary.")
    )


@require_POST
@login_required
def contact_add(request, pk):
    delegation = _load(request, pk, change=True)
    form = forms.ContactForm(request.POST, prefix="p", user=request.user)
    return _add(
        request, delegation, form, form.is_valid(), services.add_contact, _("Contact added.")
    )


@require_POST
@login_required
def follow_up_add(request, pk):
    delegation = _load(request, pk, change=True)
    form = _follow_up_form(request, request.POST)
    return _add(
        request, delegation, form, form.is_valid(), services.add_follow_up, _("Follow-up added.")
    )


@require_POST
@login_required
def follow_up_toggle(request, pk, follow_up_pk):
    delegation = _load(request, pk, change=True)
    follow_up = get_object_or_404(FollowUp, pk=follow_up_pk, delegation=delegation)
    services.set_follow_up_done(follow_up=follow_up, done=not follow_up.done)
    return redirect(delegation)
