"""Tasks of the mail queue: thin, each calls the delivery service."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from maillage.mail import delivery

OVERDUE = dt.timedelta(minutes=5)


@task(queue_name="mail")
def deliver_mail(*, mail_id: int) -> str:
    """Send one mail; on a temporary error, enqueue the next attempt at its back-off time."""
    outcome = delivery.deliver(mail_id=mail_id)
    if isinstance(outcome, dt.datetime):
        if deliver_mail.get_backend().supports_defer:
            deliver_mail.using(run_after=outcome).enqueue(mail_id=mail_id)
        # else (the immediate backend of the tests): retry_due_mails picks it up when due
        return f"retry at {outcome.isoformat()}"
    return outcome


@task(queue_name="mail")
def retry_due_mails(*, grace_seconds: int = int(OVERDUE.total_seconds())) -> int:
    """Periodic: enqueue the mails whose next attempt is overdue (their task was lost)."""
    ids = delivery.due_mail_ids(grace=dt.timedelta(seconds=grace_seconds))
    for mail_id in ids:
        deliver_mail.enqueue(mail_id=mail_id)
    return len(ids)
