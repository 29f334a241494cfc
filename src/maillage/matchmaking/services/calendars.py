"""A participant's meetings as an iCalendar (RFC 5545) file.

Each meeting keeps its UID across published versions (the meeting's uid), and SEQUENCE is the
published version: importing an updated file replaces the entries instead of duplicating them.
Meetings cancelled since an earlier version are kept in the file with STATUS:CANCELLED so that
calendars remove them.
"""

from __future__ import annotations

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.matchmaking.services.agendas import Agenda, AgendaMeeting

PRODID = "-//maillage//matchmaking//EN"


def uid(meeting: AgendaMeeting) -> str:
    return f"meeting-{meeting.uid}@maillage"


def _summary(meeting: AgendaMeeting) -> str:
    names = ", ".join(
        f"{p.name} ({p.organisation})" if p.organisation else p.name for p in meeting.others
    )
    return _("Meeting with %(names)s") % {"names": names}


def to_vevent(agenda: Agenda, meeting: AgendaMeeting) -> icalendar.Event:
    zone = agenda.zone
    stamp = agenda.published_at or timezone.now()
    vevent = icalendar.Event()
    vevent.add("uid", uid(meeting))
    vevent.add("sequence", agenda.version or 0)
    vevent.add("dtstamp", stamp)
    vevent.add("last-modified", stamp)
    vevent.add("dtstart", meeting.starts_at.astimezone(zone))
    vevent.add("dtend", meeting.ends_at.astimezone(zone))
    vevent.add("summary", _summary(meeting))
    where = [meeting.place, agenda.venue] if not meeting.is_online else [meeting.place]
    location = " — ".join(p for p in where if p)
    if meeting.video_url:
        location = f"{location} — {meeting.video_url}" if location else meeting.video_url
        vevent.add("url", meeting.video_url)
    elif agenda.url:
        vevent.add("url", agenda.url)
    if location:
        vevent.add("location", location)
    lines = [f"{agenda.event_title} — {agenda.session_name}"]
    lines += [
        " — ".join(x for x in (p.name, p.job_title, p.organisation) if x) for p in meeting.others
    ]
    vevent.add("description", "\n".join(lines))
    vevent.add("status", "CANCELLED" if meeting.cancelled else "CONFIRMED")
    vevent.add("transp", "TRANSPARENT" if meeting.cancelled else "OPAQUE")
    return vevent


def calendar_bytes(agenda: Agenda) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{agenda.event_title} — {agenda.person.name}")
    cal.add("x-wr-timezone", agenda.time_zone)
    for meeting in agenda.meetings:
        cal.add_component(to_vevent(agenda, meeting))
    cal.add_missing_timezones()
    return cal.to_ical()
