"""Queueing mail: the one way the platform sends e-mail, and the organiser's resend actions.

``queue_mail`` stores the mail in the outbox and asks the "mail" task queue to deliver it once
the current transaction commits (so a rolled-back request sends nothing). It never talks to the
SMTP server itself, so a server that is down never breaks a request: the delivery task retries
with back-off (see ``maillage.mail.delivery``). ``queue_mails`` does the same for a whole
mailing in a few queries, one delivery task per batch of mails.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.mail.enums import MailStatus
from maillage.mail.models import OutgoingMail
from maillage.mail.tasks import deliver_mail, deliver_mails

BATCH = 50  # mails per delivery task: one task, one lease round and one SMTP session each


def queue_mail(
    *,
    to: str,
    subject: str,
    body: str,
    html: str = "",
    event=None,
    kind: str = "",
    key: str = "",
    reply_to: str = "",
) -> OutgoingMail:
    """Store one mail and deliver it after commit. With ``key``, a second call with the same
    key returns the mail stored the first time and sends nothing."""
    fields = _fields(
        to=to,
        subject=subject,
        body=body,
        html=html,
        event=event,
        kind=kind,
        key=key,
        reply_to=reply_to,
    )
    if key:
        try:
            with transaction.atomic():
                mail = OutgoingMail.objects.create(**fields)
        except IntegrityError:  # the key is stored already (by this or another process)
            return OutgoingMail.objects.get(key=key)
    else:
        mail = OutgoingMail.objects.create(**fields)
    _deliver_after_commit(mail.pk)
    return mail


def queue_mails(*, mails: list[dict]) -> list[OutgoingMail]:
    """Store many mails at once (each dict holds ``queue_mail``'s arguments) and deliver them
    after commit in batches of ``BATCH`` per task. Same guarantees as ``queue_mail``: a key
    already stored returns the stored mail and sends nothing; a key given twice is stored once.
    Returns the mails in the order given."""
    rows = [_fields(**m) for m in mails]
    keys = {r["key"] for r in rows if r["key"]}
    stored = {m.key: m for m in OutgoingMail.objects.filter(key__in=keys)} if keys else {}
    new, seen = [], set()
    for r in rows:
        if r["key"] and (r["key"] in stored or r["key"] in seen):
            continue
        seen.add(r["key"])
        new.append(OutgoingMail(**r))
    try:
        with transaction.atomic():
            created = OutgoingMail.objects.bulk_create(new, batch_size=500)
    except IntegrityError:  # another process stored one of the keys meanwhile: one by one
        return [queue_mail(**m) for m in mails]
    ids = [m.pk for m in created]
    for start in range(0, len(ids), BATCH):
        _deliver_batch_after_commit(ids[start : start + BATCH])
    stored.update({m.key: m for m in created if m.key})
    unkeyed = iter(m for m in created if not m.key)
    return [stored[r["key"]] if r["key"] else next(unkeyed) for r in rows]


def _fields(*, to, subject, body, html="", event=None, kind="", key="", reply_to="") -> dict:
    to = (to or "").strip()
    if not to:
        raise ValueError("queue_mail needs a recipient address (to)")
    return {
        "to": to,
        "subject": " ".join(subject.split())[:998],  # a header holds no line break
        "body": body,
        "html": html,
        "event": event,
        "kind": kind,
        "key": key,
        "reply_to": reply_to,
        "next_attempt_at": timezone.now(),
    }


def _deliver_after_commit(mail_id: int) -> None:
    transaction.on_commit(lambda: deliver_mail.enqueue(mail_id=mail_id))


def _deliver_batch_after_commit(mail_ids: list[int]) -> None:
    transaction.on_commit(lambda: deliver_mails.enqueue(mail_ids=mail_ids))


@transaction.atomic
def resend(*, mail: OutgoingMail) -> OutgoingMail:
    """Put a failed (or sent) mail back in the queue as a fresh delivery. A mail still queued
    is refused: its delivery is under way (a worker may hold it) and would go out twice."""
    changed = (
        OutgoingMail.objects.filter(pk=mail.pk)
        .exclude(status=MailStatus.QUEUED)
        .update(
            status=MailStatus.QUEUED,
            attempts=0,
            next_attempt_at=timezone.now(),
            claimed_until=None,
            sent_at=None,
        )
    )
    if not changed:
        raise ValidationError(
            _("This mail is still queued: it goes out as soon as the mail server takes it.")
        )
    _deliver_after_commit(mail.pk)
    mail.refresh_from_db()
    return mail


@transaction.atomic
def resend_failed(*, event) -> int:
    """Resend every failed mail of an event; returns how many."""
    ids = list(
        OutgoingMail.objects.filter(event=event, status=MailStatus.FAILED).values_list(
            "pk", flat=True
        )
    )
    OutgoingMail.objects.filter(pk__in=ids).update(
        status=MailStatus.QUEUED, attempts=0, next_attempt_at=timezone.now(), claimed_until=None
    )
    for start in range(0, len(ids), BATCH):
        _deliver_batch_after_commit(ids[start : start + BATCH])
    return len(ids)
