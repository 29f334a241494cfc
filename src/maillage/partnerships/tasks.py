"""Background jobs (django-tasks): thin wrappers around services."""

from __future__ import annotations

from django_tasks import task

from maillage.partnerships import services


@task(queue_name="mail")
def remind_agreements() -> dict[str, int]:
    """Daily: expire agreements past their end date and e-mail reminders before expiry."""
    expired = services.expire_agreements()
    sent = services.send_expiry_reminders()
    return {"expired": expired, "emails": sent}
