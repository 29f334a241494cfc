"""Publishing the draft as a new version, pretalx style.

``publish`` freezes the draft as the next version inside one transaction, archives the
previous version, records for each participant what changed for them since that version, asks
for the e-mails to be sent (after commit, through a task) and starts a new draft as a copy.
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from maillage.events.tokens import calendar_feed_url
from maillage.mail.services import queue_mail
from maillage.matchmaking.enums import ChangeKind, ScheduleStatus
from maillage.matchmaking.models import (
    Meeting,
    MeetingSeat,
    MeetingSession,
    Schedule,
    ScheduleChangeNotice,
)
from maillage.matchmaking.services.sessions import ensure_draft, published_schedule


def publish(*, session: MeetingSession, user=None, name: str = "", comment: str = "") -> Schedule:
    with transaction.atomic():
        draft = Schedule.objects.select_for_update().get(pk=ensure_draft(session).pk)
        if not draft.meetings.scheduled().exists():
            raise ValidationError(
                _("The draft has no meetings; run the optimiser or add meetings before publishing.")
            )
        previous = (
            Schedule.objects.select_for_update()
            .filter(session=session, status=ScheduleStatus.PUBLISHED)
            .order_by("-version")
            .first()
        )
        last = session.schedules.aggregate(v=Max("version"))["v"] or 0
        if previous is not None:
            previous.status = ScheduleStatus.ARCHIVED
            previous.save(update_fields=["status"])
        draft.status = ScheduleStatus.PUBLISHED
        draft.version = last + 1
        draft.published_at = timezone.now()
        draft.published_by = user if user is not None and user.is_authenticated else None
        draft.name = name.strip()
        draft.comment = comment.strip()
        draft.save()
        changes = changes_between(previous, draft)
        ScheduleChangeNotice.objects.bulk_create(
            [
                ScheduleChangeNotice(schedule=draft, participant_id=p, changes=items)
                for p, items in sorted(changes.items())
            ],
            batch_size=2000,
        )
        copy_schedule(draft)
        transaction.on_commit(lambda: _enqueue_notices(draft.pk))
    return draft


def _enqueue_notices(schedule_id: int) -> None:
    # matchmaking.tasks imports this module at its top to run the task: imported here, when
    # the task is queued, so that the two modules do not import each other at load time.
    from maillage.matchmaking import tasks

    tasks.notify_schedule_changes.enqueue(schedule_id=schedule_id)


def copy_schedule(source: Schedule) -> Schedule:
    """A new draft holding the same meetings (same uids) as ``source``."""
    draft = Schedule.objects.create(session=source.session, status=ScheduleStatus.DRAFT)
    originals = list(source.meetings.scheduled().prefetch_related("seats"))
    copies = [
        Meeting(
            schedule=draft,
            uid=m.uid,
            participant_a_id=m.participant_a_id,
            participant_b_id=m.participant_b_id,
            slot_id=m.slot_id,
            table_id=m.table_id,
            room_id=m.room_id,
            source=m.source,
            request_id=m.request_id,
            weight=m.weight,
            locked=m.locked,
        )
        for m in originals
    ]
    Meeting.objects.bulk_create(copies, batch_size=2000)
    if any(c.pk is None for c in copies):
        ids = dict(draft.meetings.values_list("uid", "id"))
        for c in copies:
            c.pk = ids[c.uid]
    MeetingSeat.objects.bulk_create(
        [
            MeetingSeat(
                meeting_id=c.pk, participant_id=s.participant_id, schedule=draft, slot_id=c.slot_id
            )
            for m, c in zip(originals, copies, strict=True)
            for s in m.seats.all()
            if s.active
        ],
        batch_size=5000,
    )
    return draft


def _snapshot(schedule: Schedule | None) -> dict:
    """uid -> (slot id, place label, slot label, {participant id: short name})."""
    if schedule is None:
        return {}
    zone = schedule.session.event.zone
    out = {}
    meetings = (
        schedule.meetings.scheduled()
        .select_related("slot", "table", "room")
        .prefetch_related(
            "seats__participant__registration__person",
            "seats__participant__registration__organisation",
        )
    )
    for m in meetings:
        people = {s.participant_id: s.participant.short_name for s in m.seats.all() if s.active}
        place = str(m.table or m.room or "")
        when = timezone.localtime(m.slot.starts_at, zone).strftime("%d/%m %H:%M")
        out[m.uid] = (m.slot_id, place, when, people)
    return out


def draft_has_changes(session: MeetingSession) -> bool:
    """Whether the draft differs from the published version (hand edits not yet published)."""
    return _snapshot(ensure_draft(session)) != _snapshot(published_schedule(session))


def changes_between(old: Schedule | None, new: Schedule) -> dict[int, list[dict]]:
    """For each participant, what changed for them from ``old`` to ``new`` (uid by uid)."""
    before, after = _snapshot(old), _snapshot(new)
    out: dict[int, list[dict]] = defaultdict(list)

    def note(people: dict, kind: str, uid, was: str, now: str) -> None:
        for p in people:
            others = [name for q, name in people.items() if q != p]
            out[p].append(
                {"kind": kind, "uid": str(uid), "with": others, "before": was, "after": now}
            )

    for uid, (slot, place, when, people) in after.items():
        if uid not in before:
            note(people, ChangeKind.ADDED, uid, "", f"{when}, {place}")
            continue
        old_slot, old_place, old_when, old_people = before[uid]
        gone = {p: n for p, n in old_people.items() if p not in people}
        if gone:
            note(gone, ChangeKind.REMOVED, uid, f"{old_when}, {old_place}", "")
        if slot != old_slot:
            note(people, ChangeKind.MOVED, uid, f"{old_when}, {old_place}", f"{when}, {place}")
        elif place != old_place:
            note(people, ChangeKind.TABLE, uid, f"{old_when}, {old_place}", f"{when}, {place}")
        else:
            new_people = {p: n for p, n in people.items() if p not in old_people}
            if new_people:
                note(new_people, ChangeKind.ADDED, uid, "", f"{when}, {place}")
    for uid, (_slot, place, when, people) in before.items():
        if uid not in after:
            note(people, ChangeKind.REMOVED, uid, f"{when}, {place}", "")
    return dict(out)


def send_change_notices(*, schedule: Schedule) -> int:
    """E-mail every participant told of a change in this version (once); returns how many."""
    event = schedule.session.event
    agenda_url = settings.SITE_URL + reverse(
        "matchmaking:my_agenda", kwargs={"session_id": schedule.session_id}
    )
    sent = 0
    notices = schedule.notices.filter(notified_at__isnull=True).select_related(
        "participant__registration__person"
    )
    for notice in notices:
        reg = notice.participant.registration
        if not reg.person.email:
            continue
        language = reg.language or settings.LANGUAGE_CODE
        with translation.override(language):
            labels = dict(ChangeKind.choices)
            lines = [
                {**c, "label": labels.get(c["kind"], c["kind"]), "with": ", ".join(c["with"])}
                for c in notice.changes
            ]
            body = render_to_string(
                "matchmaking/email/schedule_changes.txt",
                {
                    "event": event,
                    "schedule": schedule,
                    "person": reg.person,
                    "changes": lines,
                    "agenda_url": agenda_url,
                    "calendar_url": calendar_feed_url(reg),
                },
            )
            subject = _("Your meetings at %(title)s have changed") % {"title": event.title}
        queue_mail(
            to=reg.person.email,
            subject=subject,
            body=body,
            event=event,
            kind="schedule.changes",
            key=f"schedule-notice:{notice.pk}",  # one mail per participant and version
        )
        ScheduleChangeNotice.objects.filter(pk=notice.pk).update(notified_at=timezone.now())
        sent += 1
    return sent


def versions(session: MeetingSession):
    return session.schedules.exclude(status=ScheduleStatus.DRAFT).order_by("-version")
