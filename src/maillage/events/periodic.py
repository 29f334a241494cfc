"""Periodic jobs of events, enqueued by the platform's scheduler (settings
``MAILLAGE_PERIODIC_TASKS``); each is idempotent. Kept apart from tasks.py, which the
registration services use, so that this module may build on them."""

from __future__ import annotations

from django_tasks import task

from maillage.events import self_registration


@task()
def drop_unconfirmed_registrations() -> int:
    """Forget registrations whose address check was never opened within its delay."""
    return self_registration.drop_expired()
