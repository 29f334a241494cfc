"""Request mode: a participant asks another for a meeting; an accepted request is booked at once.

The accepted meeting takes the first common free slot with a free table (or online room) in
the draft schedule, and also in the published version when there is one, so that it shows in
both agendas at once. It may move at the next optimisation until a version is published.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.matchmaking.enums import (
    ACCEPTED_REQUEST_WEIGHT,
    MeetingSource,
    RequestStatus,
    WishLevel,
)
from maillage.matchmaking.models import Meeting, MeetingRequest, Participant, Wish
from maillage.matchmaking.services.placement import book_first_free
from maillage.matchmaking.services.sessions import ensure_draft, may_meet, published_schedule


def send_request(
    *, sender: Participant, recipient: Participant, message: str = ""
) -> MeetingRequest:
    session = sender.session
    if recipient.session_id != sender.session_id:
        raise ValidationError(_("You can only ask participants of the same meeting session."))
    if recipient.id == sender.id:
        raise ValidationError(_("You cannot ask yourself for a meeting."))
    if not session.requests_open:
        raise ValidationError(_("Meeting requests are closed for this session."))
    if not may_meet(session, sender.participation_type, recipient.participation_type):
        raise ValidationError(
            _("In this session, a %(a)s may not meet a %(b)s.")
            % {
                "a": sender.registration.get_participation_type_display(),
                "b": recipient.registration.get_participation_type_display(),
            }
        )
    if Wish.objects.filter(author=recipient, target=sender, level=WishLevel.NO_THANKS).exists():
        raise ValidationError(_("%(who)s does not wish to meet.") % {"who": recipient.person_name})
    if MeetingRequest.objects.filter(
        sender=recipient, recipient=sender, status=RequestStatus.PENDING
    ).exists():
        raise ValidationError(
            _("%(who)s has already asked you for a meeting: accept their request instead.")
            % {"who": recipient.person_name}
        )
    expire_overdue()
    try:
        with transaction.atomic():
            made = MeetingRequest.objects.create(
                session=session,
                sender=sender,
                recipient=recipient,
                message=message.strip(),
                expires_at=timezone.now() + dt.timedelta(hours=session.request_expiry_hours),
            )
            transaction.on_commit(lambda: _enqueue_notice(made.pk, "received"))
            return made
    except IntegrityError:
        raise ValidationError(
            _("You have already asked %(who)s; wait for their answer.")
            % {"who": recipient.person_name}
        ) from None


def _pending_for_update(request: MeetingRequest) -> MeetingRequest:
    locked = MeetingRequest.objects.select_for_update().get(pk=request.pk)
    if locked.status == RequestStatus.PENDING and locked.expires_at <= timezone.now():
        locked.status = RequestStatus.EXPIRED
        locked.save(update_fields=["status"])
    if locked.status != RequestStatus.PENDING:
        raise ValidationError(
            _("This request is %(status)s already; it can no longer be answered.")
            % {"status": locked.get_status_display().lower()}
        )
    return locked


def accept_request(*, request: MeetingRequest, by: Participant) -> Meeting:
    """Accept and book the meeting at once; refused (and left pending) if no slot is free."""
    if by.id != request.recipient_id:
        raise ValidationError(_("Only the person asked can accept this request."))
    with transaction.atomic():
        locked = _pending_for_update(request)
        session = locked.session
        schedules = [ensure_draft(session)]
        published = published_schedule(session)
        if published is not None:
            schedules.append(published)
        meeting = book_first_free(
            schedules=schedules,
            people=[locked.sender, locked.recipient],
            source=MeetingSource.REQUEST,
            weight=ACCEPTED_REQUEST_WEIGHT,
            request=locked,
        )
        locked.status = RequestStatus.ACCEPTED
        locked.responded_at = timezone.now()
        locked.save(update_fields=["status", "responded_at"])
        transaction.on_commit(lambda: _enqueue_notice(locked.pk, "accepted"))
    request.refresh_from_db()
    return meeting


def _enqueue_notice(request_id: int, notice: str) -> None:
    # matchmaking.tasks imports this module (through the reminders) at its top: imported here,
    # when the task is queued, so that the two modules do not import each other at load time.
    from maillage.matchmaking import tasks

    tasks.notify_request.enqueue(request_id=request_id, notice=notice)


def decline_request(*, request: MeetingRequest, by: Participant) -> MeetingRequest:
    if by.id != request.recipient_id:
        raise ValidationError(_("Only the person asked can decline this request."))
    with transaction.atomic():
        locked = _pending_for_update(request)
        locked.status = RequestStatus.DECLINED
        locked.responded_at = timezone.now()
        locked.save(update_fields=["status", "responded_at"])
    return locked


def cancel_request(*, request: MeetingRequest, by: Participant) -> MeetingRequest:
    if by.id != request.sender_id:
        raise ValidationError(_("Only the sender can withdraw this request."))
    with transaction.atomic():
        locked = _pending_for_update(request)
        locked.status = RequestStatus.CANCELLED
        locked.save(update_fields=["status"])
    return locked


def expire_overdue(*, now: dt.datetime | None = None) -> int:
    """Mark every pending request past its expiry as expired; returns how many."""
    return MeetingRequest.objects.filter(
        status=RequestStatus.PENDING, expires_at__lte=now or timezone.now()
    ).update(status=RequestStatus.EXPIRED)
