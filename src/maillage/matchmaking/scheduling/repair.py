"""On the day: who is absent, who arrived late, and a re-plan of the rest of the day.

Check-in marks a participant absent from a slot on; ``repair_day`` then asks meetsolver to keep
every published meeting it can (the past stays as it was), fills the gaps from the wishes, and
publishes the result as a new version, so that only the participants whose meetings changed are
told. Late registrants join the session and their wishes count in the next repair.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.matchmaking.models import MeetingSession, MeetingSlot, Participant, Schedule
from maillage.matchmaking.scheduling import build, plans, reasons, release
from maillage.matchmaking.services.sessions import add_participant, published_schedule
from meetsolver import SolveConfig, Status
from meetsolver.repair import repair


def mark_absent(*, participant: Participant, from_slot: MeetingSlot) -> Participant:
    if from_slot.session_id != participant.session_id:
        raise ValidationError(_("That slot belongs to another session."))
    participant.absent_from_slot = from_slot
    participant.save(update_fields=["absent_from_slot"])
    return participant


def mark_present(*, participant: Participant) -> Participant:
    participant.absent_from_slot = None
    participant.save(update_fields=["absent_from_slot"])
    return participant


def add_late_registrant(
    *, session: MeetingSession, registration, mode: str = "onsite"
) -> Participant:
    return add_participant(session=session, registration=registration, mode=mode, late=True)


def current_slot_index(session: MeetingSession, now: dt.datetime | None = None) -> int:
    """The first slot that has not started yet: slots before it are past and stay as they are."""
    now = now or timezone.now()
    upcoming = session.slots.filter(starts_at__gt=now).order_by("index").first()
    if upcoming is None:
        raise ValidationError(
            _("Every slot of the session has started; nothing is left to re-plan.")
        )
    return upcoming.index


def repair_day(
    *,
    session: MeetingSession,
    user=None,
    now: dt.datetime | None = None,
    config: SolveConfig | None = None,
) -> tuple[Schedule, dict]:
    """Re-plan from the next slot on and publish it; returns the new version and a summary."""
    published = published_schedule(session)
    if published is None:
        raise ValidationError(
            _("Nothing is published yet: publish a schedule before repairing it.")
        )
    if release.draft_has_changes(session):
        raise ValidationError(
            _(
                "The draft has changes that are not published yet, and re-planning would lose "
                "them: publish the draft's changes (or undo them) before re-planning the day."
            )
        )
    now_slot = current_slot_index(session, now)
    built = build.build_instance(session, draft=published)
    inst = built.instance
    kept = [
        a
        for a in build.assignments_of(built, published)
        if not any(
            a.slot in inst.participants[p].unavailable
            for p in inst.requests[a.request].participants
        )
    ]
    result = repair(inst, kept, [], config or SolveConfig(time_limit=20), now_slot=now_slot)
    if result.solution.status not in (Status.OPTIMAL, Status.FEASIBLE):
        raise ValidationError(
            _("The repair found no schedule: %(why)s")
            % {"why": reasons.all_said(result.solution.conflicts) or _("try again with more time.")}
        )
    plan = plans.plan_of(built, result.solution)
    with transaction.atomic():
        plans.save_plan(session=session, plan=plan)
        label = timezone.localtime(session.slots.get(index=now_slot).starts_at, session.event.zone)
        version = release.publish(
            session=session,
            user=user,
            name=_("Re-planned from %(time)s") % {"time": label.strftime("%H:%M")},
        )
    summary = {
        "from_slot": now_slot,
        "changed_meetings": result.solution.objective.get("changes", 0),
        "participants_told": version.notices.count(),
        "meetings": len(plan),
    }
    return version, summary
