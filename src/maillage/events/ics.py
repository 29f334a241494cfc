"""iCalendar (RFC 5545) files of events. Each event keeps the same UID for ever (its uuid), so an
updated feed replaces the entry in the subscriber's calendar instead of duplicating it."""

from __future__ import annotations

from collections.abc import Iterable

import icalendar
from django.utils import timezone

from maillage.events.enums import EventStatus
from maillage.events.models import Event

PRODID = "-//maillage//events//EN"


def uid(event: Event) -> str:
    return f"event-{event.uid}@maillage"


def location(event: Event) -> str:
    parts = [
        event.venue_name or (event.venue_organisation.name if event.venue_organisation else "")
    ]
    parts += [event.address, event.city]
    place = ", ".join(p for p in parts if p)
    if event.online_url:
        place = f"{place} — {event.online_url}" if place else event.online_url
    return place


def to_vevent(event: Event, *, base_url: str = "") -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", uid(event))
    vevent.add("summary", event.title)
    vevent.add("dtstart", timezone.localtime(event.starts_at, event.zone))
    vevent.add("dtend", timezone.localtime(event.ends_at, event.zone))
    vevent.add("dtstamp", event.updated_at or timezone.now())
    vevent.add("last-modified", event.updated_at or timezone.now())
    if event.description:
        vevent.add("description", event.description)
    place = location(event)
    if place:
        vevent.add("location", place)
    coordinates = event.place
    if coordinates:
        vevent.add("geo", coordinates)
    if base_url:
        vevent.add("url", base_url.rstrip("/") + event.get_absolute_url())
    vevent.add("status", "CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED")
    for organiser in event.organisers.all():
        vevent.add("categories", [organiser.name])
    return vevent


def calendar_bytes(events: Iterable[Event], *, name: str, base_url: str = "") -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for event in events:
        cal.add_component(to_vevent(event, base_url=base_url))
    cal.add_missing_timezones()
    return cal.to_ical()
