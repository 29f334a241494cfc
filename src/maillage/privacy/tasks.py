"""Tasks of the privacy app: thin, each calls one service."""

from __future__ import annotations

from django_tasks import task

from maillage.privacy import erasure


@task()
def anonymise_old_registrations() -> int:
    """Periodic: registrations of events ended before the retention period become anonymous."""
    return erasure.anonymise_old_registrations()
