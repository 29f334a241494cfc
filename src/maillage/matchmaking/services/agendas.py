"""A participant's agenda as plain values: what the page, the PDF and the ICS file show.

``selectors/agendas.py`` builds these from the published schedule; ``calendars.py`` and
``printouts.py`` render them. Times are aware datetimes, shown in the event's time zone.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Person:
    name: str
    organisation: str = ""
    job_title: str = ""


@dataclass(frozen=True)
class AgendaMeeting:
    uid: str  # the meeting's stable identifier, kept across published versions
    starts_at: dt.datetime
    ends_at: dt.datetime
    others: tuple[Person, ...]  # who the participant meets (2 or 3 for a group meeting)
    place: str = ""  # "Table 12", or the online room's name
    video_url: str = ""
    cancelled: bool = False
    id: int | None = None

    @property
    def other(self) -> Person:
        return self.others[0]

    @property
    def is_online(self) -> bool:
        return bool(self.video_url)


@dataclass(frozen=True)
class FreeSlot:
    starts_at: dt.datetime
    ends_at: dt.datetime
    index: int | None = None


@dataclass(frozen=True)
class Agenda:
    participant_id: int
    person: Person
    event_title: str
    session_name: str
    time_zone: str
    venue: str = ""
    version: int | None = None  # the published version shown
    published_at: dt.datetime | None = None
    meetings: tuple[AgendaMeeting, ...] = ()  # scheduled and cancelled, in time order
    free_slots: tuple[FreeSlot, ...] = ()
    url: str = ""  # the agenda page, for the calendar entries

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def scheduled(self) -> list[AgendaMeeting]:
        return [m for m in self.meetings if not m.cancelled]

    def days(self) -> list[Day]:
        """Meetings and free slots merged in time order and grouped by local day."""
        zone = self.zone
        rows: list[Row] = [
            Row(m.starts_at.astimezone(zone), m.ends_at.astimezone(zone), meeting=m)
            for m in self.meetings
        ]
        rows += [
            Row(f.starts_at.astimezone(zone), f.ends_at.astimezone(zone)) for f in self.free_slots
        ]
        rows.sort(key=lambda r: (r.starts_at, r.meeting is None, r.meeting and r.meeting.cancelled))
        days: list[Day] = []
        for row in rows:
            if not days or days[-1].date != row.starts_at.date():
                days.append(Day(date=row.starts_at.date()))
            days[-1].rows.append(row)
        return days


@dataclass
class Row:
    starts_at: dt.datetime  # local time
    ends_at: dt.datetime
    meeting: AgendaMeeting | None = None  # None: a free slot


@dataclass
class Day:
    date: dt.date
    rows: list[Row] = field(default_factory=list)


@dataclass(frozen=True)
class PlanTable:
    place: str
    people: tuple[Person, ...]


@dataclass(frozen=True)
class SlotPlan:
    """Who sits at which table during one slot: the floor staff's sheet."""

    index: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    tables: tuple[PlanTable, ...]
