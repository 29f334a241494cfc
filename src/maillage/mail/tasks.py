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
def deliver_mails(*, mail_ids: list[int]) -> str:
    """Send a batch of mails over one SMTP connection and one database connection; each mail
    is claimed, sent and recorded on its own, so a batch cut short sends nothing twice when the
    rest is retried. Temporary errors get their own next attempt, as in ``deliver_mail``."""
    outcomes = delivery.deliver_many(mail_ids=mail_ids)
    for mail_id, outcome in zip(mail_ids, outcomes, strict=True):
        if isinstance(outcome, dt.datetime) and deliver_mail.get_backend().supports_defer:
            deliver_mail.using(run_after=outcome).enqueue(mail_id=mail_id)
    counts: dict[str, int] = {}
    for outcome in outcomes:
        name = "retry" if isinstance(outcome, dt.datetime) else outcome
        counts[name] = counts.get(name, 0) + 1
    return ", ".join(f"{n} {name}" for name, n in sorted(counts.items()))


@task(queue_name="mail")
def retry_due_mails(*, grace_seconds: int = int(OVERDUE.total_seconds())) -> int:
    """Periodic: enqueue the mails whose next attempt is overdue (their task was lost)."""
    ids = delivery.due_mail_ids(grace=dt.timedelta(seconds=grace_seconds))
    for start in range(0, len(ids), 50):
        deliver_mails.enqueue(mail_ids=ids[start : start + 50])
    return len(ids)
