"""The registrant's own pages: their registration (status, badge code) and its cancellation.

They open for the person signed in with the account linked to the registration, or in a browser
that opened the personal link sent to the registrant's address (events/tokens.py). The badge
code opens none of them: it only checks in, in the hands of the event's staff.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.events import services, tokens
from maillage.events.badges import qr_data_uri
from maillage.events.forms import PersonalLinkForm
from maillage.events.models import Registration


def _may_open(request, registration: Registration) -> bool:
    return request.user.has_perm(
        "events.manage_own_registration", registration
    ) or tokens.opened_link(request.session, registration)


def _own_registration_or_404(request, registration_id: int) -> Registration:
    registration = get_object_or_404(
        Registration.objects.select_related("event", "person", "organisation"), pk=registration_id
    )
    if not _may_open(request, registration):
        raise Http404(_("No such registration."))  # another person's: nothing revealed
    return registration


def registration(request, registration_id: int):
    """The registrant's page: status, badge code to show at the entrance, cancellation."""
    if not request.user.is_authenticated and not request.session.get(tokens.SESSION_KEY):
        return redirect_to_login(request.get_full_path())
    registration = _own_registration_or_404(request, registration_id)
    return render(
        request,
        "events/registration.html",
        {
            "registration": registration,
            "event": registration.event,
            "qr": qr_data_uri(registration.token),
        },
    )


@require_POST
def cancel_own(request, registration_id: int):
    """Cancellation by the registrant themself (CSRF-checked POST, never by the badge code)."""
    registration = _own_registration_or_404(request, registration_id)
    try:
        services.cancel_registration(registration=registration)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect(registration)


def registration_link(request, key: str):
    """The personal link of an e-mail: remembered by this browser, then the registration page."""
    registration = tokens.registration_by_key(key, tokens.Purpose.PAGE)
    if registration is None:
        return render(request, "events/link_invalid.html", {"form": PersonalLinkForm()}, status=404)
    tokens.remember_link(request.session, registration, key)
    return redirect(registration)


def retired_link(request, code: str):
    """Registration pages were once reached with the badge code: those addresses open nothing
    and offer a personal link instead (whatever the code, known or not)."""
    return render(request, "events/link_invalid.html", {"form": PersonalLinkForm()}, status=404)


def new_link(request):
    """Ask for the personal links of one's registrations, sent to the address given. The answer
    is the same whether the address is known or not."""
    form = PersonalLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        tokens.send_personal_links(email=form.cleaned_data["email"])
        return render(request, "events/link_sent.html", {"email": form.cleaned_data["email"]})
    return render(request, "events/link_invalid.html", {"form": form, "asked": True})


@require_POST
def rotate_link(request, registration_id: int):
    """Replace the personal link (a forwarded or shared e-mail): the old one stops working and
    the new one goes to the registrant's address."""
    registration = _own_registration_or_404(request, registration_id)
    came_by_link = str(registration.pk) in request.session.get(tokens.SESSION_KEY, {})
    key = tokens.rotate(registration=registration, purpose=tokens.Purpose.PAGE)
    if came_by_link:  # this browser keeps its access with the new key
        tokens.remember_link(request.session, registration, key)
    tokens.send_personal_links(email=registration.person.email, registrations=[registration])
    messages.success(
        request,
        _("A new personal link is on its way to %(email)s; the earlier links no longer work.")
        % {"email": registration.person.email},
    )
    return redirect(registration)
