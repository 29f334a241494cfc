"""Application pages: submit (home park), detail with ranked hosts, screening, moves, outcomes,
and the delegation follow-ups that led to the application."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.core.forms import add_service_errors
from maillage.partnerships import selectors as partnerships_selectors
from maillage.partnerships.enums import FollowUpKind
from maillage.partnerships.views.access import check
from maillage.softlanding import forms, matching, services
from maillage.softlanding.enums import TRANSITIONS, ApplicationStatus, ExitOutcome
from maillage.softlanding.models import Application
from maillage.softlanding.views.programmes import board_context, load_programme

VIEW = "softlanding.view_application"


def _load(request, pk, perm=None) -> Application:
    app = get_object_or_404(
        Application.objects.select_related(
            "programme", "startup", "home_park", "sector", "assigned_offer__host"
        ),
        pk=pk,
    )
    return check(request.user, app, view=VIEW, change=perm)


@login_required
def application_create(request, pk):
    programme = load_programme(request, pk)
    if not request.user.has_perm("softlanding.apply_to_programme"):
        raise PermissionDenied
    form = forms.ApplicationForm(request.POST or None, programme=programme, user=request.user)
    if not programme.is_open:
        form.add_error(
            None,
            _(
                "The programme “%(name)s” is closed to applications. Ask its organisers when it "
                "reopens."
            )
            % {"name": programme.name},
        )
    elif request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        prefs = form.preferences()
        for i in range(1, 6):
            data.pop(f"pref_{i}")
        try:
            app = services.submit_application(
                user=request.user, programme=programme, preferences=prefs, **data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Application endorsed and submitted."))
            return redirect(app)
    return render(
        request, "softlanding/application_form.html", {"form": form, "programme": programme}
    )


@login_required
def application_detail(request, pk):
    app = _load(request, pk)
    user = request.user
    can_score = user.has_perm("softlanding.score_application", app)
    ranked = []
    if user.has_perm("softlanding.change_programme", app.programme):
        requests, hosts = services.matching_instance(
            app.programme, Application.objects.filter(pk=app.pk)
        )
        offers = {o.pk: o for o in app.programme.offers.select_related("host")}
        ranked = [
            {
                "offer": offers[r.host_id],
                "score": r.score,
                "feasible": r.feasible,
                "reasons": r.reasons,
            }
            for r in matching.rank_hosts(requests[0], hosts)
        ]
    scores = {s.criterion_id: s for s in app.scores.all()}
    return render(
        request,
        "softlanding/application_detail.html",
        {
            "app": app,
            "preferences": app.preferences.select_related("offer__host"),
            "ranked": ranked,
            "criteria": [(c, scores.get(c.pk)) for c in app.programme.criteria.all()],
            "total": services.weighted_score(app),
            "can_score": can_score,
            "can_move": user.has_perm("softlanding.move_application", app),
            "next_statuses": [
                (s, ApplicationStatus(s).label) for s in sorted(TRANSITIONS[app.status])
            ],
            "offers": app.programme.offers.select_related("host"),
            "history": app.history.select_related("by"),
            "outcomes": app.outcomes.all(),
            "outcome_form": forms.OutcomeForm(),
            "exit_choices": ExitOutcome.choices,
            "follow_up_links": app.follow_up_links.select_related("follow_up__delegation"),
            "follow_up_form": _follow_up_form(request),
        },
    )


def _follow_up_form(request, data=None) -> forms.FollowUpForm:
    # The delegations the user may see are the ones they may change (their staff's).
    delegations = partnerships_selectors.visible_delegations(request.user)
    return forms.FollowUpForm(data, prefix="f", delegations=delegations)


@require_POST
@login_required
def application_score(request, pk):
    app = _load(request, pk, "softlanding.score_application")
    values = {c: request.POST.get(f"criterion-{c.pk}", "") for c in app.programme.criteria.all()}
    try:
        services.score_application(application=app, scores=values, user=request.user)
        messages.success(request, _("Scores saved."))
    except (ValidationError, ValueError) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [_("Scores go from 0 to 5.")])))
    return redirect(app)


@require_POST
@login_required
def application_move(request, pk):
    app = _load(request, pk, "softlanding.move_application")
    form = forms.MoveForm(request.POST)
    error = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.move_application(
                application=app,
                to_status=data["to_status"],
                user=request.user,
                offer=data["offer"],
                exit_outcome=data["exit_outcome"],
                note=data["note"],
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
    else:
        error = _("Choose a host from the list.")
    if request.htmx:
        context = board_context(request, app.programme)
        context["error"] = error
        return render(request, "softlanding/_board.html", context, status=422 if error else 200)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Application moved."))
    return redirect(
        request.POST.get("next") if request.POST.get("next", "").startswith("/") else app
    )


@require_POST
@login_required
def outcome_add(request, pk):
    app = _load(request, pk, "softlanding.move_application")
    form = forms.OutcomeForm(request.POST)
    if form.is_valid():
        try:
            services.record_outcome(application=app, **form.cleaned_data)
            messages.success(request, _("Outcome recorded."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.error(request, _("Check the figures: they must be whole numbers of zero or more."))
    return redirect(app)


@require_POST
@login_required
def follow_up_add(request, pk):
    """Record that a delegation's follow-up led to this application: the user sees the
    application and may change the delegation."""
    app = _load(request, pk)
    form = _follow_up_form(request, request.POST)
    if form.is_valid():
        delegation = form.cleaned_data["delegation"]
        if not request.user.has_perm("partnerships.change_delegation", delegation):
            raise PermissionDenied
        try:
            services.add_delegation_follow_up(
                delegation=delegation,
                description=form.cleaned_data["description"],
                kind=FollowUpKind.APPLICATION,
                application=app,
                due_on=form.cleaned_data["due_on"],
            )
            messages.success(request, _("Follow-up added."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.error(
            request,
            _("Choose one of your delegations and describe the follow-up, then add it again."),
        )
    return redirect(app)
