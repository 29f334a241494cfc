"""How registrants get in: invitation links (and asking for a new one), the organiser's
"invite" action, and the confirmation link of a registration typed without being signed in.
Thin: the logic is in events/invitations.py and events/self_registration.py."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.accounts import links
from maillage.events import invitations, self_registration
from maillage.events.organiser_views import managed_event_or_denied


def invitation(request, slug: str, registration_id: int):
    registration = invitations.open_invitation(request, slug=slug, registration_id=registration_id)
    if registration is None:
        context = {"slug": slug, "registration_id": registration_id}
        return render(request, "events/invitation_invalid.html", context, status=400)
    return redirect(invitations.landing_url(registration))


@require_POST
def invitation_renew(request, slug: str, registration_id: int):
    invitations.renew(request, slug=slug, registration_id=registration_id)
    context = {"slug": slug, "registration_id": registration_id, "renewed": True}
    return render(request, "events/invitation_invalid.html", context)


@login_required
@require_POST
def invite(request, slug: str):
    """From the registrations page: everyone not invited yet, again those who have not signed
    in, or the ticked registrations."""
    event = managed_event_or_denied(request, slug, "events.manage_registrations")
    who = request.POST.get("who", "new")
    ids = None
    if who == "selected":
        try:
            ids = [int(i) for i in request.POST.getlist("registration")]
        except ValueError:
            ids = []
        if not ids:
            messages.error(request, _("Tick the registrants to invite first."))
            return redirect("events:registrations", slug=slug)
    try:
        result = invitations.invite(
            event=event, registration_ids=ids, by=request.user, resend=(who == "resend")
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, result.message())
    return redirect("events:registrations", slug=slug)


def register_confirm(request, slug: str, key: str):
    """GET shows what will be confirmed (mail scanners that follow links change nothing);
    the button's POST registers."""
    if request.method != "POST":
        pending = self_registration.pending_for(slug=slug, key=key)
        if pending is None:
            context = {
                "slug": slug,
                "error": _(
                    "This link no longer works: it was used already, it expired, or it was cut."
                ),
            }
            return render(request, "events/register_link_invalid.html", context, status=400)
        return render(
            request, "events/register_confirm.html", {"event": pending.event, "pending": pending}
        )
    try:
        registration, user, created = self_registration.confirm_registration(slug=slug, key=key)
    except self_registration.LinkUnusable as exc:
        context = {"slug": slug, "error": " ".join(exc.messages)}
        return render(request, "events/register_link_invalid.html", context, status=400)
    except ValidationError as exc:  # closed or full meanwhile
        context = {"slug": slug, "error": " ".join(exc.messages)}
        return render(request, "events/register_link_invalid.html", context, status=409)
    if user is not None:
        links.sign_in(request, user)
        if created:
            messages.success(request, _("Your address is confirmed and so is your registration."))
        else:
            messages.info(request, _("You were already registered to this event."))
        return redirect(registration)
    messages.success(request, _("Your registration is recorded; sign in to see it."))
    return redirect("accounts:login")
