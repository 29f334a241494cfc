"""Events API: the calendar (with date filters for a month), an event, creating and editing
events, publishing or cancelling them, and their calendar files (ICS).

Anonymous callers see public published events; organisers' staff also see their private and
draft events. The programme is in maillage.api.event_programme, registrations in
maillage.api.registrations.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import HttpError

from maillage.api import lookups
from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers, invalid
from maillage.api.event_access import event_or_404, managed_event
from maillage.api.event_schemas import (
    EventDetailOut,
    EventFilters,
    EventIn,
    EventOut,
    EventPatch,
    EventStatusIn,
)
from maillage.ecosystem.models import Sector
from maillage.events import ics, selectors, services
from maillage.events.models import Event, EventSeries

router = Router(tags=["events"])

CALENDAR = "text/calendar; charset=utf-8"
ICS_DOC = {"description": "An iCalendar (RFC 5545) file.", "content": {CALENDAR: {}}}


def _calendar(body: bytes, filename: str, *, attachment: bool) -> HttpResponse:
    response = HttpResponse(body, content_type=CALENDAR)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def _relations(data: dict) -> dict:
    """Ids and codes of the body turned into the objects the service takes (422 naming the
    field when one is unknown)."""
    if data.get("organisers") is not None:
        data["organisers"] = lookups.organisations(data["organisers"], field="organisers")
    if "venue_organisation" in data:
        data["venue_organisation"] = lookups.organisation(
            data["venue_organisation"], field="venue_organisation"
        )
    if data.get("series") is not None:
        series = EventSeries.objects.filter(pk=data["series"]).first()
        if series is None:
            raise invalid(
                "series", _("Unknown series id; leave it out or give new_series a name instead.")
            )
        data["series"] = series
    if data.get("sectors") is not None:
        codes = list(dict.fromkeys(data["sectors"]))
        sectors = list(Sector.objects.filter(code__in=codes))
        if len(sectors) != len(codes):
            unknown = sorted(set(codes) - {s.code for s in sectors})
            raise invalid(
                "sectors",
                _("Unknown sector code(s): %(codes)s. Look them up with GET /api/v1/sectors.")
                % {"codes": ", ".join(unknown)},
            )
        data["sectors"] = sectors
    for name in ("new_series", "online_url", "venue_name", "address", "city", "country"):
        if name in data and data[name] is None:
            data[name] = ""  # a text field cleared
    return data


def _detail(event: Event) -> Event:
    return Event.objects.select_related("series", "venue_organisation").get(pk=event.pk)


@router.get("/events", response=answers({200: list[EventOut]}))
def list_events(request, filters: Query[EventFilters]):
    qs = selectors.filter_events(
        selectors.visible_events(request.user),
        when=filters.when,
        kind=filters.kind or "",
        organiser=filters.organiser,
    )
    if filters.starts_from:
        qs = qs.filter(starts_at__gte=filters.starts_from)
    if filters.starts_until:
        qs = qs.filter(starts_at__lte=filters.starts_until)
    return list(qs[filters.offset : filters.offset + filters.limit])


@router.get(
    "/events.ics",
    response=answers({200: None}),
    openapi_extra={"responses": {"200": ICS_DOC}},
    summary="The public events as a calendar feed (ICS)",
)
def feed(request):
    """Public events from 90 days ago on, the feed a calendar application subscribes to."""
    events = selectors.public_feed_events()
    body = ics.calendar_bytes(
        events, name=_("maillage events"), base_url=request.build_absolute_uri("/")
    )
    return _calendar(body, "maillage-events.ics", attachment=False)


@router.post("/events", response=answers({201: EventDetailOut}, 401, 403), auth=WRITE_AUTH)
def create_event(request, payload: EventIn):
    if not request.user.has_perm("events.add_event"):
        raise HttpError(403, _("Only staff of a park or network may create events."))
    data = _relations(payload.model_dump())
    services.check_organisers(user=request.user, organisers=data["organisers"])
    event = services.create_event(created_by=request.user, **data)
    return Status(201, _detail(event))


@router.get("/events/{slug}", response=answers({200: EventDetailOut}, 404))
def get_event(request, slug: str):
    return event_or_404(request, slug)


@router.patch(
    "/events/{slug}", response=answers({200: EventDetailOut}, 401, 403, 404), auth=WRITE_AUTH
)
def update_event(request, slug: str, payload: EventPatch):
    event = managed_event(request, slug)
    data = _relations(payload.model_dump(exclude_unset=True))
    if data.get("organisers") is not None:
        services.check_organisers(user=request.user, organisers=data["organisers"])
    for name in ("title", "kind", "time_zone", "starts_at", "ends_at", "organisers"):
        if name in data and data[name] is None:
            raise invalid(name, _("cannot be cleared; give a value or leave the field out."))
    for name in ("is_public", "waiting_list", "requires_approval", "attendance_mode"):
        if name in data and data[name] is None:
            del data[name]
    for name in ("description", "languages", "themes"):
        if name in data and data[name] is None:
            data[name] = ""
    return _detail(services.update_event(event=event, **data))


@router.post(
    "/events/{slug}/status",
    response=answers({200: EventDetailOut}, 401, 403, 404),
    auth=WRITE_AUTH,
    summary="Publish, cancel or take an event back to draft",
)
def set_status(request, slug: str, payload: EventStatusIn):
    event = managed_event(request, slug)
    return services.set_event_status(event=event, status=payload.status)


@router.get(
    "/events/{slug}/event.ics",
    response=answers({200: None}, 404),
    openapi_extra={"responses": {"200": ICS_DOC}},
    summary="The event as a calendar file (ICS)",
)
def event_ics(request, slug: str):
    event = event_or_404(request, slug)
    body = ics.calendar_bytes(
        [event],
        name=event.title,
        base_url=request.build_absolute_uri("/"),
        online_link=request.user.has_perm("events.join_online", event),
    )
    return _calendar(body, f"{event.slug}.ics", attachment=True)
