"""Marketplace pages: browse an event's offers and requests, publish, edit, withdraw, react."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.events.views import visible_event_or_404
from maillage.matchmaking.forms.participant import FilterForm, OpportunityForm, ReactionForm
from maillage.matchmaking.selectors import marketplace as marketplace_selectors
from maillage.matchmaking.selectors.participants import participant_for, participants_of
from maillage.matchmaking.services import marketplace


def _participant_or_denied(request, event):
    participant = participant_for(request.user, event)
    if participant is None:
        raise PermissionDenied(
            _(
                "Only participants of this event's meetings may do this; register to the event first."
            )
        )
    return participant


def browse(request, slug: str):
    event = visible_event_or_404(request, slug)
    me = participant_for(request.user, event)
    insider = me is not None or request.user.has_perm("matchmaking.manage_meetings", event)
    form = FilterForm(request.GET or None, sectors=marketplace_selectors.sectors_in_use(event))
    filters = marketplace_selectors.Filters()
    if form.is_valid():
        filters = marketplace_selectors.Filters(**form.cleaned_data)
    page = marketplace_selectors.browse(
        event, filters, insider=insider, page=request.GET.get("page", 1)
    )
    query = request.GET.copy()
    query.pop("page", None)
    template = "matchmaking/marketplace/browse.html"
    if request.headers.get("HX-Request"):
        template = "matchmaking/marketplace/_results.html"
    return render(
        request,
        template,
        {"event": event, "form": form, "page": page, "me": me, "query": query.urlencode()},
    )


def detail(request, slug: str, opportunity_id: int):
    event = visible_event_or_404(request, slug)
    me = participant_for(request.user, event)
    staff = request.user.has_perm("matchmaking.manage_meetings", event)
    qs = marketplace_selectors.visible(event, insider=me is not None or staff)
    opportunity = get_object_or_404(marketplace_selectors.with_details(qs), pk=opportunity_id)
    form = ReactionForm(request.POST or None)
    if request.method == "POST":
        if me is None:
            raise PermissionDenied(_("Only participants of this event may react."))
        if form.is_valid():
            try:
                marketplace.react(
                    opportunity=opportunity, author=me, message=form.cleaned_data["message"]
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Your message is sent to the author."))
                return redirect("matchmaking:opportunity", slug=slug, opportunity_id=opportunity.pk)
    owned = me is not None and opportunity.participant_id == me.pk
    return render(
        request,
        "matchmaking/marketplace/detail.html",
        {
            "event": event,
            "opportunity": opportunity,
            "form": form,
            "me": me,
            "owned": owned,
            "staff": staff,
        },
    )


@login_required
def publish(request, slug: str):
    event = visible_event_or_404(request, slug)
    me = _participant_or_denied(request, event)
    form = OpportunityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            marketplace.publish_opportunity(participant=me, **form.service_fields())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your opportunity is published."))
            return redirect("matchmaking:my_opportunities", slug=slug)
    return render(
        request, "matchmaking/marketplace/form.html", {"event": event, "form": form, "me": me}
    )


def _own_or_denied(request, event, opportunity_id):
    staff = request.user.has_perm("matchmaking.manage_meetings", event)
    opportunity = get_object_or_404(
        marketplace_selectors.visible(event, insider=True), pk=opportunity_id
    )
    me = participant_for(request.user, event)
    if not staff and (me is None or opportunity.participant_id != me.pk):
        raise PermissionDenied(
            _("Only the participant who published this opportunity may change it.")
        )
    return opportunity, me, staff


@login_required
def edit(request, slug: str, opportunity_id: int):
    event = visible_event_or_404(request, slug)
    opportunity, me, staff = _own_or_denied(request, event, opportunity_id)
    form = OpportunityForm(request.POST or None, instance=opportunity)
    if request.method == "POST" and form.is_valid():
        try:
            marketplace.edit_opportunity(
                opportunity=opportunity, by=me, staff=staff, **form.service_fields()
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your opportunity is saved."))
            return redirect("matchmaking:opportunity", slug=slug, opportunity_id=opportunity.pk)
    return render(
        request,
        "matchmaking/marketplace/form.html",
        {"event": event, "form": form, "me": me, "opportunity": opportunity},
    )


@login_required
@require_POST
def withdraw(request, slug: str, opportunity_id: int):
    event = visible_event_or_404(request, slug)
    opportunity, me, staff = _own_or_denied(request, event, opportunity_id)
    marketplace.withdraw_opportunity(opportunity=opportunity, by=me, staff=staff)
    messages.success(request, _("The opportunity is withdrawn."))
    return redirect(
        "matchmaking:my_opportunities" if not staff or me else "matchmaking:marketplace", slug=slug
    )


@login_required
def mine(request, slug: str):
    event = visible_event_or_404(request, slug)
    ids = list(participants_of(request.user, event).values_list("id", flat=True))
    if not ids:
        raise Http404(_("You do not take part in this event's meetings."))
    opportunities = marketplace_selectors.mine(ids)
    return render(
        request,
        "matchmaking/marketplace/mine.html",
        {"event": event, "opportunities": opportunities},
    )
