"""Programme pages: list, detail with host offers, create/edit, offers, board and matching."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.core.forms import add_service_errors
from maillage.partnerships.selectors import editable_agreements
from maillage.partnerships.views.access import check
from maillage.softlanding import forms, matching, selectors, services
from maillage.softlanding.enums import TRANSITIONS, ApplicationStatus
from maillage.softlanding.models import HostOffer, Programme

VIEW, CHANGE = "softlanding.view_programme", "softlanding.change_programme"


def load_programme(request, pk, *, change=False) -> Programme:
    programme = get_object_or_404(Programme.objects.prefetch_related("organisers", "offers"), pk=pk)
    return check(request.user, programme, view=VIEW, change=CHANGE if change else None)


@login_required
def programme_list(request):
    return render(
        request,
        "softlanding/programme_list.html",
        {
            "programmes": selectors.visible_programmes(request.user).select_related("agreement"),
            "can_add": request.user.has_perm("softlanding.add_programme"),
        },
    )


@login_required
def programme_detail(request, pk):
    programme = load_programme(request, pk)
    offers = list(selectors.offers_with_load(programme))
    return render(
        request,
        "softlanding/programme_detail.html",
        {
            "programme": programme,
            "offers": offers,
            "criteria": programme.criteria.all(),
            "can_change": request.user.has_perm(CHANGE, programme),
            "can_apply": programme.is_open
            and request.user.has_perm("softlanding.apply_to_programme"),
            "applications": selectors.visible_applications(request.user).filter(
                programme=programme
            ),
        },
    )


def _programme_form(request, instance=None):
    return forms.ProgrammeForm(
        request.POST or None, instance=instance, agreements=editable_agreements(request.user)
    )


@login_required
def programme_create(request):
    if not request.user.has_perm("softlanding.add_programme"):
        raise PermissionDenied
    form = _programme_form(request)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            programme = services.create_programme(
                user=request.user,
                name=data["name"],
                description=data["description"],
                agreement=data["agreement"],
                organisers=data["organisers"],
                is_open=data["is_open"],
                criteria=data["criteria"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Programme created. Add the host offers next."))
            return redirect(programme)
    return render(request, "softlanding/programme_form.html", {"form": form, "programme": None})


@login_required
def programme_edit(request, pk):
    programme = load_programme(request, pk, change=True)
    form = _programme_form(request, instance=Programme.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_programme(programme=programme, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Programme saved."))
            return redirect(programme)
    return render(
        request, "softlanding/programme_form.html", {"form": form, "programme": programme}
    )


@login_required
def offer_edit(request, pk, offer_pk=None):
    programme = load_programme(request, pk, change=True)
    offer = get_object_or_404(HostOffer, pk=offer_pk, programme=programme) if offer_pk else None
    form = forms.OfferForm(
        request.POST or None, instance=HostOffer.objects.get(pk=offer.pk) if offer else None
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            if offer is None:
                services.create_offer(programme=programme, **data)
            else:
                services.update_offer(offer=offer, **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Host offer saved."))
            return redirect(programme)
    return render(
        request,
        "softlanding/offer_form.html",
        {"form": form, "programme": programme, "offer": offer},
    )


def board_context(request, programme):
    apps = list(selectors.visible_applications(request.user).filter(programme=programme))
    offers = list(programme.offers.select_related("host"))
    for app in apps:
        app.next_statuses = [
            (s, ApplicationStatus(s).label) for s in sorted(TRANSITIONS[app.status])
        ]
        app.can_move = request.user.has_perm("softlanding.move_application", app)
    return {"programme": programme, "columns": selectors.board(apps), "offers": offers}


@login_required
def board(request, pk):
    programme = load_programme(request, pk)
    template = "softlanding/_board.html" if request.htmx else "softlanding/board.html"
    return render(request, template, board_context(request, programme))


@login_required
def matching_view(request, pk):
    programme = load_programme(request, pk, change=True)
    assignment = services.propose_assignment(programme=programme)
    requests, hosts = services.matching_instance(programme)
    apps = {
        a.pk: a
        for a in programme.applications.filter(pk__in=[r.id for r in requests]).select_related(
            "startup"
        )
    }
    offers = {o.pk: o for o in programme.offers.select_related("host")}
    rows = []
    for req in requests:
        ranked = matching.rank_hosts(req, hosts)
        rows.append(
            {
                "application": apps[req.id],
                "proposed": assignment.hosts.get(req.id),
                "ranked": [
                    {"offer": offers[r.host_id], "score": r.score, "feasible": r.feasible}
                    for r in ranked
                ],
            }
        )
    return render(
        request,
        "softlanding/matching.html",
        {
            "programme": programme,
            "rows": rows,
            "assignment": assignment,
            "placed": sum(1 for v in assignment.hosts.values() if v is not None),
        },
    )


@require_POST
@login_required
def matching_accept(request, pk):
    programme = load_programme(request, pk, change=True)
    choices = {}
    for key, value in request.POST.items():
        if key.startswith("app-"):
            try:
                choices[int(key[4:])] = int(value) if value else None
            except ValueError:
                messages.error(request, _("The form was altered; reload the page."))
                return redirect("softlanding:matching", pk=pk)
    try:
        matched = services.accept_assignment(
            programme=programme, choices=choices, user=request.user
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("softlanding:matching", pk=pk)
    messages.success(
        request, _("%(n)d application(s) matched with their host.") % {"n": len(matched)}
    )
    return redirect("softlanding:board", pk=pk)
