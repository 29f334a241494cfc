"""Demo matchmaking for tomorrow's Axe Seine convention (demo/tomorrow.py): a morning of
20-minute meetings on 15 tables, every registrant taking part with offers, requests and a few
wishes, a schedule computed by the optimiser and published (so the day-before reminders and
the day itself have something to show), and some meeting requests still waiting for an answer.

Idempotent like the rest of the demo. When the events demo has moved the convention to a new
tomorrow, its meeting days, slots, wish deadline and pending requests move by the same number
of days here; the published meetings follow their slots.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.core.exceptions import ValidationError
from django.utils import timezone

from maillage.demo.matchmaking import (
    publish_opportunities,
    report,
    schedule_and_publish,
    wish_from_recommendations,
)
from maillage.demo.tomorrow import SLUG
from maillage.events.models import Event
from maillage.matchmaking.models import MeetingRequest, MeetingSession, MeetingSlot
from maillage.matchmaking.services import requests, sessions

ZONE = zoneinfo.ZoneInfo("Europe/Paris")
WISHES_EACH = 6
PENDING_REQUESTS = 6
SOLVE_SECONDS = 5


def _moved(value: dt.datetime | None, days: int) -> dt.datetime | None:
    if value is None:
        return None
    local = timezone.localtime(value, ZONE)
    return dt.datetime.combine(local.date() + dt.timedelta(days=days), local.time(), tzinfo=ZONE)


def redate(session: MeetingSession, days: int) -> None:
    """Move the session's days, slots, wish deadline and pending requests by ``days`` days."""
    for day in session.days.order_by("-date" if days > 0 else "date"):  # no clash on the way
        day.date += dt.timedelta(days=days)
        day.save(update_fields=["date"])
    for slot in MeetingSlot.objects.filter(session=session):
        slot.starts_at, slot.ends_at = _moved(slot.starts_at, days), _moved(slot.ends_at, days)
        slot.save(update_fields=["starts_at", "ends_at"])
    if session.wish_deadline:
        session.wish_deadline = _moved(session.wish_deadline, days)
        session.save(update_fields=["wish_deadline"])
    for pending in MeetingRequest.objects.filter(session=session, status="pending"):
        pending.expires_at = _moved(pending.expires_at, days)
        pending.save(update_fields=["expires_at"])


def _ask_for_meetings(session: MeetingSession) -> int:
    """A few requests still waiting for an answer, for the newcomer to accept or decline."""
    if MeetingRequest.objects.filter(session=session).exists():
        return 0
    people = list(session.participants.order_by("id"))
    sent = 0
    for n in range(min(PENDING_REQUESTS, len(people) // 2)):
        try:
            requests.send_request(
                sender=people[n], recipient=people[-1 - n], message="Shall we meet tomorrow?"
            )
            sent += 1
        except ValidationError:  # a pair the session's rules do not allow: skip it
            continue
    return sent


def load(stdout) -> None:
    event = Event.objects.filter(slug=SLUG).first()
    if event is None:
        return
    day = timezone.localtime(event.starts_at, ZONE).date()
    session = MeetingSession.objects.filter(event=event).order_by("id").first()
    if session is None:
        session = sessions.create_session(
            event=event,
            name="One-to-one meetings",
            slot_minutes=20,
            days=[(day, dt.time(9, 0), dt.time(12, 20))],
            tables=15,
            default_max_meetings=8,
        )
    else:
        first = session.days.order_by("date").first()
        if first is not None and first.date != day:
            redate(session, (day - first.date).days)
    sessions.add_all_registrants(session=session)
    published = publish_opportunities(session)
    wished = wish_from_recommendations(session, WISHES_EACH)
    summary = schedule_and_publish(session, time_limit=SOLVE_SECONDS)
    asked = _ask_for_meetings(session)
    report(stdout, session, published, wished, summary, 0)
    if asked:
        stdout.write(f"  matchmaking: {asked} meeting requests waiting for an answer\n")
