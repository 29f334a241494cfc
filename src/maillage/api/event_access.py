"""Events and registrations named in a path, loaded and checked in one call, for the routers of
events (events, event_programme, registrations, registration_files, invitations, mail).

An event the caller may not see is answered as an unknown one (404); an event they see but do
not manage is refused (403). A registration is found for the registrant themself and for the
staff of its event only; for anyone else it does not exist.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from ninja.errors import HttpError

from maillage.api.errors import not_found
from maillage.events.models import Event, Registration


def event_or_404(request, slug: str) -> Event:
    event = Event.objects.select_related("series", "venue_organisation").filter(slug=slug).first()
    if event is None or not request.user.has_perm("events.view_event", event):
        raise not_found("event")
    return event


def managed_event(request, slug: str, perm: str = "events.change_event") -> Event:
    """The event, when the caller holds ``perm`` on it (the rule the event's pages check)."""
    event = event_or_404(request, slug)
    if not request.user.has_perm(perm, event):
        raise HttpError(403, _("Only the organisers of this event may do this."))
    return event


def registration_for(request, registration_id: int) -> Registration:
    """A registration seen by the registrant themself (not whoever typed it in) or by the
    event's staff."""
    registration = (
        Registration.objects.select_related("event", "person", "organisation")
        .filter(pk=registration_id)
        .first()
    )
    user = request.user
    if registration is None or not (
        user.has_perm("events.manage_own_registration", registration)
        or user.has_perm("events.manage_registrations", registration.event)
    ):
        raise not_found("registration")
    return registration
