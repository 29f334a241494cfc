"""Build a session with a PUBLISHED schedule through the public services (no hand-made rows)."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from django.utils import timezone

from maillage.matchmaking.models import MeetingSession, MeetingSlot, Participant, Table
from maillage.matchmaking.scheduling import release
from maillage.matchmaking.services import editing, sessions
from tests.events.factories import PersonFactory, RegistrationFactory, UserFactory
from tests.matchmaking.factories import ConventionFactory


@dataclass
class Published:
    session: MeetingSession
    participants: list[Participant]
    slots: list[MeetingSlot]
    tables: list[Table]

    @property
    def event(self):
        return self.session.event


def make_session(
    *,
    people: int = 4,
    slots_per_day: int = 6,
    days: int = 1,
    in_days: int = 10,
    tables: int = 4,
    organisers=None,
) -> Published:
    """A convention ``in_days`` from today (negative: in the past), meetings from 09:00 Paris."""
    paris = zoneinfo.ZoneInfo("Europe/Paris")
    first = (timezone.now() + dt.timedelta(days=in_days)).astimezone(paris).date()
    start = dt.datetime.combine(first, dt.time(8, 30), tzinfo=paris)
    event = ConventionFactory(
        starts_at=start,
        ends_at=start + dt.timedelta(days=days - 1, hours=10),
        organisers=organisers or None,
    )
    end = (
        dt.datetime.combine(first, dt.time(9, 0)) + dt.timedelta(minutes=20 * slots_per_day)
    ).time()
    day_rows = [(first + dt.timedelta(days=d), dt.time(9, 0), end) for d in range(days)]
    session = sessions.create_session(
        event=event, name="B2B meetings", slot_minutes=20, days=day_rows, tables=tables
    )
    participants = []
    for i in range(people):
        user = UserFactory()
        person = PersonFactory(
            user=user, first_name=f"First{i}", last_name=f"Last{i}", email=user.email
        )
        registration = RegistrationFactory(event=event, person=person, job_title="CEO")
        participants.append(sessions.add_participant(session=session, registration=registration))
    return Published(
        session=session,
        participants=participants,
        slots=list(session.slots.order_by("index")),
        tables=list(session.tables.order_by("number")),
    )


def meet(world: Published, a: int, b: int, slot: int, table: int = 0):
    draft = sessions.ensure_draft(world.session)
    return editing.add_meeting(
        schedule=draft,
        people=[world.participants[a], world.participants[b]],
        slot=world.slots[slot],
        table=world.tables[table],
    )


def publish(world: Published):
    return release.publish(session=world.session)
