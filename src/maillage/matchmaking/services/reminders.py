"""Reminders and follow-ups of a meeting session, run by the periodic scheduler (no cron).

- the day before: each participant's agenda of the next day (times, tables or video links,
  who they meet), with the link to their agenda page and their calendar subscription (ICS);
- optionally, a short reminder some minutes before each block of meetings (a morning or an
  afternoon), when the organiser sets ``remind_minutes_before``;
- after the session: a request for feedback on the meetings held;
- pending meeting requests past the delay the organiser set expire, and both people are told.

Every mail carries an outbox key (participant, day, block, request), so a job run twice, two
schedulers or a restart never send a reminder twice. Only published schedules count.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.db.models import Max, Min
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from maillage.events.tokens import calendar_feed_url
from maillage.mail.models import OutgoingMail
from maillage.mail.services import queue_mail
from maillage.matchmaking.enums import MeetingStatus, RequestStatus
from maillage.matchmaking.models import MeetingRequest, MeetingSeat, MeetingSession, Participant
from maillage.matchmaking.selectors.agendas import agenda_of, published_schedule
from maillage.matchmaking.services import requests as meeting_requests

FEEDBACK_WINDOW = dt.timedelta(days=3)  # ask within three days of the session's end
EXPIRED_NOTICE_WINDOW = dt.timedelta(days=2)  # requests expired lazily meanwhile are told too


def _language(participant: Participant) -> str:
    return participant.registration.language or settings.LANGUAGE_CODE


def _links(participant: Participant) -> dict[str, str]:
    session_id = participant.session_id
    return {
        "agenda_url": settings.SITE_URL
        + reverse("matchmaking:my_agenda", kwargs={"session_id": session_id}),
        "calendar_url": calendar_feed_url(participant.registration),
    }


def _seated(session: MeetingSession):
    """Active seats of scheduled meetings in the published schedule, with slot and person."""
    schedule = published_schedule(session)
    if schedule is None:
        return MeetingSeat.objects.none()
    return MeetingSeat.objects.filter(
        schedule=schedule, active=True, meeting__status=MeetingStatus.SCHEDULED
    ).select_related("slot", "participant__registration__person", "participant__session__event")


def _already_sent(keys: list[str]) -> set[str]:
    return set(OutgoingMail.objects.filter(key__in=keys).values_list("key", flat=True))


def _send_agenda_mail(participant, meetings, *, template, subject, key, when) -> None:
    reg = participant.registration
    event = participant.session.event
    with translation.override(_language(participant)), timezone.override(event.zone):
        body = render_to_string(
            template,
            {
                "person": reg.person,
                "event": event,
                "session": participant.session,
                "meetings": meetings,
                "when": when,
                **_links(participant),
            },
        )
        queue_mail(
            to=reg.person.email,
            subject=str(subject()) % {"title": event.title},
            body=body,
            event=event,
            kind=key.split(":", 1)[0],
            key=key,
        )


def _sessions_with_meetings_between(start: dt.datetime, end: dt.datetime, **flags):
    return (
        MeetingSession.objects.filter(
            slots__starts_at__gte=start, slots__starts_at__lt=end, **flags
        )
        .select_related("event")
        .distinct()
    )


def send_day_before_reminders(*, now: dt.datetime | None = None) -> int:
    """On the day before a day of meetings (event's time zone), each participant with meetings
    that day gets that day's agenda once. Returns the number of mails queued."""
    now = now or timezone.now()
    sent = 0
    for session in _sessions_with_meetings_between(
        now, now + dt.timedelta(days=2), remind_day_before=True
    ):
        zone = session.event.zone
        tomorrow = now.astimezone(zone).date() + dt.timedelta(days=1)
        people: dict[int, Participant] = {}
        for seat in _seated(session):
            if (
                seat.slot.starts_at.astimezone(zone).date() == tomorrow
                and seat.participant.registration.person.email
            ):
                people[seat.participant_id] = seat.participant
        keys = {pid: f"reminder-day:{pid}:{tomorrow.isoformat()}" for pid in people}
        done = _already_sent(list(keys.values()))
        for pid, participant in people.items():
            if keys[pid] in done:
                continue
            agenda = agenda_of(participant)
            meetings = (
                [m for m in agenda.scheduled if m.starts_at.astimezone(zone).date() == tomorrow]
                if agenda
                else []
            )
            if not meetings:
                continue
            _send_agenda_mail(
                participant,
                meetings,
                template="matchmaking/email/reminder_day.txt",
                subject=lambda: _("Your meetings tomorrow at %(title)s"),
                key=keys[pid],
                when=tomorrow,
            )
            sent += 1
    return sent


def send_block_reminders(*, now: dt.datetime | None = None) -> int:
    """Some minutes (the session's ``remind_minutes_before``) before a participant's first
    meeting of a morning or an afternoon, a short mail with that block's meetings."""
    now = now or timezone.now()
    sent = 0
    horizon = now + dt.timedelta(minutes=24 * 60)
    for session in _sessions_with_meetings_between(
        now, horizon, remind_minutes_before__isnull=False
    ):
        zone = session.event.zone
        lead = dt.timedelta(minutes=session.remind_minutes_before)
        blocks: dict[tuple[int, dt.date, str], list] = defaultdict(list)
        for seat in _seated(session):
            local = seat.slot.starts_at.astimezone(zone)
            blocks[(seat.participant_id, local.date(), seat.slot.half)].append(seat)
        due = {
            block: seats
            for block, seats in blocks.items()
            if now < min(s.slot.starts_at for s in seats) <= now + lead
            and seats[0].participant.registration.person.email
        }
        keys = {b: f"reminder-block:{b[0]}:{b[1].isoformat()}:{b[2]}" for b in due}
        done = _already_sent(list(keys.values()))
        for block, seats in due.items():
            if keys[block] in done:
                continue
            participant = seats[0].participant
            slot_ids = {s.slot_id for s in seats}
            agenda = agenda_of(participant)
            starts = {s.slot.starts_at for s in seats}
            meetings = [m for m in agenda.scheduled if m.starts_at in starts] if agenda else []
            if not meetings or not slot_ids:
                continue
            _send_agenda_mail(
                participant,
                meetings,
                template="matchmaking/email/reminder_block.txt",
                subject=lambda: _("Your next meetings at %(title)s"),
                key=keys[block],
                when=min(starts),
            )
            sent += 1
    return sent


def send_feedback_requests(*, now: dt.datetime | None = None) -> int:
    """After the last slot of a session, each participant who had meetings is asked once how
    they went."""
    now = now or timezone.now()
    sent = 0
    ended = (
        MeetingSession.objects.filter(feedback_request=True)
        .annotate(last_end=Max("slots__ends_at"), first_start=Min("slots__starts_at"))
        .filter(last_end__lte=now, last_end__gt=now - FEEDBACK_WINDOW)
        .select_related("event")
    )
    for session in ended:
        people = {
            seat.participant_id: seat.participant
            for seat in _seated(session)
            if seat.participant.registration.person.email
        }
        keys = {pid: f"feedback-request:{pid}" for pid in people}
        done = _already_sent(list(keys.values()))
        for pid, participant in people.items():
            if keys[pid] in done:
                continue
            reg = participant.registration
            event = session.event
            with translation.override(_language(participant)):
                body = render_to_string(
                    "matchmaking/email/feedback_request.txt",
                    {
                        "person": reg.person,
                        "event": event,
                        "feedback_url": settings.SITE_URL
                        + reverse("matchmaking:my_feedback", kwargs={"session_id": session.pk}),
                    },
                )
                subject = _("How were your meetings at %(title)s?") % {"title": event.title}
            queue_mail(
                to=reg.person.email,
                subject=subject,
                body=body,
                event=event,
                kind="feedback-request",
                key=keys[pid],
            )
            sent += 1
    return sent


def expire_requests(*, now: dt.datetime | None = None) -> int:
    """Pending requests past their session's delay expire (the pair may ask again, nothing stays
    held); the sender and the recipient are told once. Returns the number of mails queued."""
    now = now or timezone.now()
    meeting_requests.expire_overdue(now=now)
    expired = MeetingRequest.objects.filter(
        status=RequestStatus.EXPIRED,
        expires_at__lte=now,
        expires_at__gt=now - EXPIRED_NOTICE_WINDOW,
    ).select_related(
        "session__event", "sender__registration__person", "recipient__registration__person"
    )
    sent = 0
    candidates = list(expired)
    keys = [
        f"request-expired:{r.pk}:{side}" for r in candidates for side in ("sender", "recipient")
    ]
    done = _already_sent(keys)
    for request in candidates:
        for side, to, other in (
            ("sender", request.sender, request.recipient),
            ("recipient", request.recipient, request.sender),
        ):
            key = f"request-expired:{request.pk}:{side}"
            reg = to.registration
            if key in done or not reg.person.email:
                continue
            event = request.session.event
            with translation.override(_language(to)):
                body = render_to_string(
                    "matchmaking/email/request_expired.txt",
                    {
                        "side": side,
                        "person": reg.person,
                        "other": other.registration.person,
                        "event": event,
                        "requests_url": settings.SITE_URL
                        + reverse(
                            "matchmaking:requests", kwargs={"session_id": request.session_id}
                        ),
                    },
                )
                subject = _("A meeting request at %(title)s has expired") % {"title": event.title}
            queue_mail(
                to=reg.person.email,
                subject=subject,
                body=body,
                event=event,
                kind="request-expired",
                key=key,
            )
            sent += 1
    return sent
