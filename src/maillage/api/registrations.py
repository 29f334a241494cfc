"""Registrations API: registering (oneself, or others for the organisers), one's own
registrations, cancelling, the organisers' decisions, check-in, and replacing one's personal
link. Files of registrations (export, import, badges) are in maillage.api.registration_files.

A participant sees only their own registrations; staff see the registrations of the events
their organisations (co-)organise. Registering through the API needs no confirmation link: the
caller is signed in, so their address is already checked.
"""

from __future__ import annotations

from types import SimpleNamespace

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers, not_found, state_change
from maillage.api.event_access import event_or_404, managed_event, registration_for
from maillage.api.event_schemas import (
    CheckInIn,
    CheckInSearchOut,
    LinkSentOut,
    RegisterIn,
    RegistrationOut,
)
from maillage.ecosystem.selectors import visible_people
from maillage.events import selectors, services, tokens
from maillage.events.enums import RegistrationSource, RegistrationStatus
from maillage.events.models import Registration

router = Router(tags=["events"])

ACTIONS = {
    "approve": services.approve_registration,
    "decline": services.decline_registration,
    "waitlist": services.waitlist_registration,
}


class CheckInQuery(Schema):
    q: str = Field("", max_length=200, description="A name, an e-mail or the badge code.")


@router.get(
    "/events/{slug}/registrations", response=answers({200: list[RegistrationOut]}, 403, 404)
)
def event_registrations(request, slug: str, status: RegistrationStatus | None = None):
    event = managed_event(request, slug, "events.manage_registrations")
    return list(selectors.registrations(event, status=status or "").select_related("event"))


@router.post(
    "/events/{slug}/registrations",
    response=answers({201: RegistrationOut}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
)
def register(request, slug: str, payload: RegisterIn):
    event = event_or_404(request, slug)
    user = request.user
    email = payload.email or user.email
    staff = user.has_perm("events.manage_registrations", event)
    someone_else = email.lower() != user.email.lower()
    if someone_else and not staff:
        raise HttpError(403, _("You may register yourself only; organisers may register others."))
    registration = services.register(
        event=event,
        user=user,
        email=email,
        first_name=payload.first_name or ("" if someone_else else user.first_name),
        last_name=payload.last_name or ("" if someone_else else user.last_name),
        organisation_name=payload.organisation_name,
        country=payload.country,
        website=payload.website,
        job_title=payload.job_title,
        participation_type=payload.participation_type,
        listed_publicly=payload.listed_publicly,
        public_directory=payload.public_directory,
        source=RegistrationSource.STAFF if someone_else else RegistrationSource.API,
    )
    if someone_else and not visible_people(user).filter(pk=registration.person_id).exists():
        # Registering an address must not reveal the name stored for it: echo what was typed.
        registration.shown_person = SimpleNamespace(
            first_name=payload.first_name or "", last_name=payload.last_name or "", email=email
        )
    return Status(201, registration)


@router.get(
    "/registrations/mine", response=answers({200: list[RegistrationOut]}, 401), auth=WRITE_AUTH
)
def my_registrations(request):
    return list(selectors.own_registrations(request.user))


@router.get("/registrations/{registration_id}", response=answers({200: RegistrationOut}, 404))
def get_registration(request, registration_id: int):
    return registration_for(request, registration_id)


@router.post(
    "/registrations/{registration_id}/cancel",
    response=answers({200: RegistrationOut}, 401, 404, 409),
    auth=WRITE_AUTH,
)
def cancel(request, registration_id: int):
    registration = registration_for(request, registration_id)
    with state_change():
        return services.cancel_registration(registration=registration)


@router.post(
    "/registrations/{registration_id}/new-link",
    response=answers({202: LinkSentOut}, 401, 403, 404),
    auth=WRITE_AUTH,
    summary="Replace one's personal link and mail the new one",
)
def rotate_link(request, registration_id: int):
    """The registrant's own: the earlier personal links stop working, the new one goes to the
    registrant's address (never into the answer)."""
    registration = registration_for(request, registration_id)
    if not request.user.has_perm("events.manage_own_registration", registration):
        raise HttpError(403, _("Only the registrant may replace their personal link."))
    tokens.rotate(registration=registration, purpose=tokens.Purpose.PAGE)
    tokens.send_personal_links(email=registration.person.email, registrations=[registration])
    message = _(
        "A new personal link is on its way to %(email)s; the earlier links no longer work."
    ) % {"email": registration.person.email}
    return Status(202, {"message": message})


@router.post(
    "/registrations/{registration_id}/{action}",
    response=answers({200: RegistrationOut}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
)
def decide(request, registration_id: int, action: str):
    registration = registration_for(request, registration_id)
    if not request.user.has_perm("events.manage_registrations", registration.event):
        raise HttpError(
            403, _("Only the organisers of this event may approve, decline or move registrations.")
        )
    if action not in ACTIONS:
        raise not_found(_("action; use approve, decline or waitlist"))
    with state_change():
        return ACTIONS[action](registration=registration)


@router.get(
    "/events/{slug}/check-in",
    response=answers({200: CheckInSearchOut}, 403, 404),
    summary="Find registrants to check in, by name, e-mail or badge code",
)
def search_check_in(request, slug: str, query: Query[CheckInQuery]):
    event = managed_event(request, slug, "events.check_in")
    results = selectors.search_registrations(event, query.q)
    return {"counts": selectors.registration_counts(event), "results": results}


@router.post(
    "/events/{slug}/check-in",
    response=answers({200: RegistrationOut}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
)
def check_in(request, slug: str, payload: CheckInIn):
    event = managed_event(request, slug, "events.check_in")
    registration = (
        Registration.objects.select_related("event", "person", "organisation")
        .filter(event=event, token=payload.token.strip())
        .first()
    )
    if registration is None:
        raise HttpError(
            404, _("No registration to this event has this code; search by name instead.")
        )
    with state_change():
        return services.check_in(registration=registration, by=request.user)
