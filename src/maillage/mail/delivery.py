"""Delivering one queued mail to the SMTP server, with retries and exponential back-off.

A worker first takes a short lease on the row (one conditional UPDATE, so two workers never
send the same mail), then talks to the SMTP server outside any transaction. On a temporary
error it records the error and asks for another attempt later: 1, 2, 4 … minutes, capped at two
hours, ``MAIL_MAX_ATTEMPTS`` times (12 by default, about ten hours in all), so an SMTP server
down for an hour loses nothing. A permanent refusal (5xx) or the last attempt marks the mail
failed, with the error, for the organiser to see and resend. ``retry_due`` is the periodic
safety net for mails whose next attempt was never enqueued (a worker killed mid-send, a task
row pruned).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import smtplib
import time

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import Q
from django.utils import timezone

from maillage.mail.enums import MailStatus
from maillage.mail.models import OutgoingMail

logger = logging.getLogger(__name__)

LEASE = dt.timedelta(minutes=2)
MAX_DELAY = dt.timedelta(hours=2)


def max_attempts() -> int:
    return int(getattr(settings, "MAIL_MAX_ATTEMPTS", 12))


def retry_delay(attempts: int) -> dt.timedelta:
    """The wait after the ``attempts``-th failed attempt: base × 2^(attempts-1), capped."""
    base = float(getattr(settings, "MAIL_RETRY_SECONDS", 60))
    return min(dt.timedelta(seconds=base * 2 ** max(attempts - 1, 0)), MAX_DELAY)


class _Connection:
    """One SMTP connection per worker process, kept open between mails (a new TCP and TLS
    handshake for each mail would halve the throughput). Reopened when the settings change,
    after an idle minute, or once when the server has dropped it."""

    IDLE = 60.0

    def __init__(self):
        self.backend = None
        self.settings_key = None
        self.last_used = 0.0

    def _key(self) -> tuple:
        return tuple(
            getattr(settings, name, None)
            for name in (
                "EMAIL_BACKEND",
                "EMAIL_HOST",
                "EMAIL_PORT",
                "EMAIL_HOST_USER",
                "EMAIL_USE_TLS",
                "EMAIL_USE_SSL",
                "EMAIL_FILE_PATH",
            )
        )

    def close(self) -> None:
        if self.backend is not None:
            with contextlib.suppress(Exception):
                self.backend.close()
        self.backend = None

    def send(self, message: EmailMultiAlternatives) -> None:
        key = self._key()
        if key != self.settings_key or time.monotonic() - self.last_used > self.IDLE:
            self.close()
            self.settings_key = key
        for attempt in (1, 2):
            if self.backend is None:
                self.backend = get_connection(fail_silently=False)
                self.backend.open()
            try:
                message.connection = self.backend
                message.send()
                self.last_used = time.monotonic()
                return
            except smtplib.SMTPServerDisconnected:
                self.close()  # dropped while idle: one fresh connection, then give up
                if attempt == 2:
                    raise
            except Exception:
                self.close()
                raise


_connection = _Connection()


def _message(mail: OutgoingMail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.body,
        to=[mail.to],
        reply_to=[mail.reply_to] if mail.reply_to else None,
        headers={"X-Maillage-Mail": str(mail.pk)},
    )
    if mail.html:
        message.attach_alternative(mail.html, "text/html")
    return message


def _is_permanent(exc: Exception) -> bool:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _msg in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code >= 500
    return False


def _describe(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"[:2000]


def claim(mail_id: int, now: dt.datetime) -> bool:
    """Take the lease on a mail that is due; False when another worker has it or it is done."""
    return bool(
        OutgoingMail.objects.filter(pk=mail_id, status=MailStatus.QUEUED)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(claimed_until=now + LEASE)
    )


def deliver(*, mail_id: int) -> dt.datetime | str:
    """Try to send one mail. Returns "sent", "failed", "skipped", or the time of the next
    attempt (the caller enqueues it)."""
    now = timezone.now()
    if not claim(mail_id, now):
        return "skipped"
    mail = OutgoingMail.objects.get(pk=mail_id)
    attempts = mail.attempts + 1
    try:
        _connection.send(_message(mail))
    except Exception as exc:  # any failure of the SMTP conversation is recorded, never raised
        error = _describe(exc)
        rows = OutgoingMail.objects.filter(pk=mail_id)
        if _is_permanent(exc) or attempts >= max_attempts():
            rows.update(
                status=MailStatus.FAILED,
                attempts=attempts,
                last_error=error,
                claimed_until=None,
                next_attempt_at=None,
            )
            logger.warning("mail %s failed after %s attempt(s): %s", mail_id, attempts, error)
            return "failed"
        next_at = timezone.now() + retry_delay(attempts)
        rows.update(
            attempts=attempts, last_error=error, claimed_until=None, next_attempt_at=next_at
        )
        logger.info(
            "mail %s: attempt %s failed (%s); next at %s", mail_id, attempts, error, next_at
        )
        return next_at
    OutgoingMail.objects.filter(pk=mail_id).update(
        status=MailStatus.SENT,
        attempts=attempts,
        sent_at=timezone.now(),
        claimed_until=None,
        next_attempt_at=None,
    )
    return "sent"


def deliver_many(*, mail_ids: list[int]) -> list[dt.datetime | str]:
    """``deliver`` for each mail of a batch, in order, over the worker's one SMTP connection.
    Each mail's outcome is stored as soon as it is known, so a worker killed midway leaves the
    mails sent so far marked sent and the rest queued (their lease expires; ``retry_due``)."""
    return [deliver(mail_id=mail_id) for mail_id in mail_ids]


def due_mail_ids(*, now: dt.datetime | None = None, grace: dt.timedelta = dt.timedelta(0)):
    """Queued mails whose attempt is overdue by more than ``grace`` and that nobody holds."""
    now = now or timezone.now()
    return list(
        OutgoingMail.objects.filter(status=MailStatus.QUEUED, next_attempt_at__lte=now - grace)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:1000]
    )
