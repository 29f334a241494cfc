"""Set up a meeting session: days, breaks, the slots they give, tables, rooms, participants."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from maillage.events.models import Event, Registration
from maillage.matchmaking.enums import AttendMode, HalfDay
from maillage.matchmaking.models import (
    MeetingSession,
    MeetingSlot,
    OnlineRoom,
    Participant,
    ParticipationRule,
    Schedule,
    SessionBreak,
    SessionDay,
    Table,
    TypeLimit,
)


def create_session(
    *,
    event: Event,
    name: str,
    slot_minutes: int = 20,
    days: list[tuple[dt.date, dt.time, dt.time]] | None = None,
    breaks: list[tuple[dt.date, dt.time, dt.time, str]] | None = None,
    tables: int = 0,
    wish_deadline: dt.datetime | None = None,
    default_max_meetings: int | None = None,
    **settings,
) -> MeetingSession:
    """A session with its days and breaks, its generated slots, numbered tables and a draft.

    ``settings`` are the other fields of the session's settings (``SETTINGS``: requests,
    self-booking, reminders, feedback); those not given keep their defaults."""
    if slot_minutes not in (15, 20, 30):
        raise ValidationError(_("A slot lasts 15, 20 or 30 minutes; choose one of these."))
    _known_settings(settings)
    with transaction.atomic():
        session = MeetingSession(
            event=event,
            name=name,
            slot_minutes=slot_minutes,
            wish_deadline=wish_deadline,
            default_max_meetings=default_max_meetings,
            **settings,
        )
        session.full_clean()
        session.save()
        for date, start, end in days or []:
            add_day(session=session, date=date, starts_at=start, ends_at=end, regenerate=False)
        for date, start, end, label in breaks or []:
            day = session.days.get(date=date)
            add_break(day=day, starts_at=start, ends_at=end, label=label, regenerate=False)
        generate_slots(session=session)
        set_tables(session=session, count=tables)
        Schedule.objects.create(session=session)
    return session


# The settings of a session an organiser may change after creating it.
SETTINGS = (
    "name",
    "slot_minutes",
    "wish_deadline",
    "requests_open",
    "request_expiry_hours",
    "self_booking",
    "default_max_meetings",
    "remind_day_before",
    "remind_minutes_before",
    "feedback_request",
)


def _known_settings(changes: dict) -> None:
    unknown = sorted(set(changes) - set(SETTINGS))
    if unknown:
        raise TypeError(f"not settings of a session: {', '.join(unknown)}")


def change_settings(*, session: MeetingSession, **changes) -> MeetingSession:
    """Change some of the session's settings (``SETTINGS``). A new slot length makes the slots
    again from the days and breaks, which is refused once meetings are placed in them."""
    _known_settings(changes)
    if "slot_minutes" in changes and changes["slot_minutes"] not in (15, 20, 30):
        raise ValidationError(
            {"slot_minutes": _("A slot lasts 15, 20 or 30 minutes; choose one of these.")}
        )
    stored = MeetingSession.objects.filter(pk=session.pk).values_list("slot_minutes", flat=True)
    new_length = changes.get("slot_minutes", session.slot_minutes) != stored.first()
    with transaction.atomic():
        for field, value in changes.items():
            setattr(session, field, value)
        session.full_clean()
        session.save()
        if new_length:
            generate_slots(session=session)
    return session


def add_day(
    *, session: MeetingSession, date: dt.date, starts_at: dt.time, ends_at: dt.time, regenerate=True
) -> SessionDay:
    if ends_at <= starts_at:
        raise ValidationError(_("The day ends before it starts; give a later end."))
    if session.days.filter(date=date).exists():
        raise ValidationError(_("%(date)s is already a day of this session.") % {"date": date})
    day = SessionDay.objects.create(
        session=session, date=date, starts_at=starts_at, ends_at=ends_at
    )
    if regenerate:
        generate_slots(session=session)
    return day


def remove_day(*, day: SessionDay) -> None:
    """Remove a day (its breaks with it) and make the slots again from the days left."""
    session = day.session
    with transaction.atomic():
        day.delete()
        generate_slots(session=session)


def add_break(
    *, day: SessionDay, starts_at: dt.time, ends_at: dt.time, label: str = "", regenerate=True
) -> SessionBreak:
    if ends_at <= starts_at:
        raise ValidationError(_("The break ends before it starts; give a later end."))
    if starts_at < day.starts_at or ends_at > day.ends_at:
        raise ValidationError(
            _("The break must fall within the day (%(start)s–%(end)s).")
            % {"start": day.starts_at.strftime("%H:%M"), "end": day.ends_at.strftime("%H:%M")}
        )
    item = SessionBreak.objects.create(day=day, starts_at=starts_at, ends_at=ends_at, label=label)
    if regenerate:
        generate_slots(session=day.session)
    return item


def slot_times(day: SessionDay, minutes: int) -> list[tuple[dt.time, dt.time, str]]:
    """The slots of a day: back to back from the start, none overlapping a break.

    The longest break of the day (usually lunch) splits morning from afternoon; without breaks
    noon does.
    """
    breaks = sorted((b.starts_at, b.ends_at) for b in day.breaks.all())
    split = dt.time(12, 0)
    if breaks:
        longest = max(breaks, key=lambda b: _minutes(b[1]) - _minutes(b[0]))
        split = longest[1]
    out = []
    cursor = _minutes(day.starts_at)
    end = _minutes(day.ends_at)
    while cursor + minutes <= end:
        clash = next(
            (b for b in breaks if _minutes(b[0]) < cursor + minutes and _minutes(b[1]) > cursor),
            None,
        )
        if clash is not None:
            cursor = _minutes(clash[1])
            continue
        start, stop = _time(cursor), _time(cursor + minutes)
        out.append((start, stop, HalfDay.AM if start < split else HalfDay.PM))
        cursor += minutes
    return out


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def _time(m: int) -> dt.time:
    return dt.time(m // 60, m % 60)


def generate_slots(*, session: MeetingSession) -> list[MeetingSlot]:
    """Recreate the slot rows from the days and breaks (only while no meeting uses them)."""
    if session.slots.filter(meetings__isnull=False).exists():
        raise ValidationError(
            _(
                "Meetings are already placed in this session's slots; remove them before "
                "changing the days, breaks or slot length."
            )
        )
    zone = session.event.zone
    rows = []
    index = 0
    for day_number, day in enumerate(session.days.prefetch_related("breaks").order_by("date")):
        for start, end, half in slot_times(day, session.slot_minutes):
            rows.append(
                MeetingSlot(
                    session=session,
                    index=index,
                    day=day_number,
                    half=half,
                    starts_at=dt.datetime.combine(day.date, start, tzinfo=zone),
                    ends_at=dt.datetime.combine(day.date, end, tzinfo=zone),
                )
            )
            index += 1
    with transaction.atomic():
        session.slots.all().delete()
        MeetingSlot.objects.bulk_create(rows)
    return list(session.slots.all())


def set_tables(*, session: MeetingSession, count: int) -> None:
    """Number the tables 1…count (keeping names and reservations of those that stay)."""
    if count < 0:
        raise ValidationError(_("Give the number of tables: 0 or more."))
    existing = set(session.tables.values_list("number", flat=True))
    Table.objects.bulk_create(
        [Table(session=session, number=n) for n in range(1, count + 1) if n not in existing]
    )
    surplus = session.tables.filter(number__gt=count)
    if surplus.filter(meetings__isnull=False).exists():
        raise ValidationError(
            _("Meetings are placed at tables above %(count)s; move them before removing tables.")
            % {"count": count}
        )
    surplus.delete()


def add_online_room(*, session: MeetingSession, name: str, video_url: str) -> OnlineRoom:
    if session.online_rooms.filter(name=name).exists():
        raise ValidationError(_("A room called “%(name)s” exists already.") % {"name": name})
    room = OnlineRoom(session=session, name=name, video_url=video_url)
    room.full_clean()
    room.save()
    return room


def set_rule(*, session: MeetingSession, type_a: str, type_b: str, may_meet: bool) -> None:
    """Whether types A and B may meet; stored once per unordered pair."""
    a, b = sorted((type_a, type_b))
    ParticipationRule.objects.update_or_create(
        session=session, type_a=a, type_b=b, defaults={"may_meet": may_meet}
    )


def set_type_limit(*, session: MeetingSession, participation_type: str, max_meetings: int | None):
    if max_meetings is None:
        TypeLimit.objects.filter(session=session, participation_type=participation_type).delete()
        return
    TypeLimit.objects.update_or_create(
        session=session,
        participation_type=participation_type,
        defaults={"max_meetings": max_meetings},
    )


def set_participant_settings(
    *,
    participant: Participant,
    mode: str,
    max_meetings: int | None,
    unavailable_slots: list[MeetingSlot],
) -> Participant:
    """How one participant meets: on site or online, their maximum, the slots they cannot do."""
    if any(s.session_id != participant.session_id for s in unavailable_slots):
        raise ValidationError(
            {"unavailable_slots": _("Choose slots of this participant's own session.")}
        )
    with transaction.atomic():
        participant.mode = mode
        participant.max_meetings = max_meetings
        participant.full_clean(exclude=["session", "registration"])
        participant.save(update_fields=["mode", "max_meetings"])
        participant.unavailable_slots.set(unavailable_slots)
    return participant


def forbidden_type_pairs(session: MeetingSession) -> set[tuple[str, str]]:
    pairs = set()
    for rule in session.rules.filter(may_meet=False):
        pairs.add((rule.type_a, rule.type_b))
        pairs.add((rule.type_b, rule.type_a))
    return pairs


def may_meet(session: MeetingSession, type_a: str, type_b: str, forbidden=None) -> bool:
    forbidden = forbidden_type_pairs(session) if forbidden is None else forbidden
    return (type_a, type_b) not in forbidden


def add_participant(
    *,
    session: MeetingSession,
    registration: Registration,
    mode: str = AttendMode.ONSITE,
    max_meetings: int | None = None,
    late: bool = False,
) -> Participant:
    if registration.event_id != session.event_id:
        raise ValidationError(_("This person is registered to another event."))
    if not registration.is_active:
        raise ValidationError(_("Only active registrations can take part in meetings."))
    participant, _created = Participant.objects.get_or_create(
        session=session,
        registration=registration,
        defaults={"mode": mode, "max_meetings": max_meetings, "is_late_registrant": late},
    )
    return participant


def add_all_registrants(*, session: MeetingSession) -> int:
    """Every confirmed registrant of the event takes part (those already in are kept)."""
    have = set(session.participants.values_list("registration_id", flat=True))
    new = [
        Participant(session=session, registration=r)
        for r in session.event.registrations.confirmed().exclude(id__in=have)
    ]
    Participant.objects.bulk_create(new)
    return len(new)


def ensure_draft(session: MeetingSession) -> Schedule:
    draft = session.schedules.filter(status="draft").first()
    if draft is None:
        draft, _created = Schedule.objects.get_or_create(session=session, status="draft")
    return draft


def published_schedule(session: MeetingSession) -> Schedule | None:
    return session.schedules.filter(status="published").order_by("-version").first()
