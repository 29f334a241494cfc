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


def location(event: Event, *, online_link: bool = False) -> str:
    parts = [
        event.venue_name or (event.venue_organisation.name if event.venue_organisation else "")
    ]
    parts += [event.address, event.city]
    place = ", ".join(p for p in parts if p)
    if online_link and event.online_url:
        place = f"{place} — {event.online_url}" if place else event.online_url
    return place


def to_vevent(event: Event, *, base_url: str = "", online_link: bool = False) -> icalendar.Event:
    """``online_link``: the link of an online event goes into the location only for those who
    may join (``events.join_online``); a feed for everyone leaves it out."""
    vevent = icalendar.Event()
    vevent.add("uid", uid(event))
    vevent.add("summary", event.title)
    vevent.add("dtstart", timezone.localtime(event.starts_at, event.zone))
    vevent.add("dtend", timezone.localtime(event.ends_at, event.zone))
    vevent.add("dtstamp", event.updated_at or timezone.now())
    vevent.add("last-modified", event.updated_at or timezone.now())
    if event.description:
        vevent.add("description", event.description)
    place = location(event, online_link=online_link)
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


def calendar_bytes(
    events: Iterable[Event], *, name: str, base_url: str = "", online_link: bool = False
) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for event in events:
        cal.add_component(to_vevent(event, base_url=base_url, online_link=online_link))
    cal.add_missing_timezones()
    return cal.to_ical()
