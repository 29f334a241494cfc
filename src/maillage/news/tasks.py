"""Background jobs (django-tasks): thin wrappers around the news services."""

from __future__ import annotations

from django_tasks import task

from maillage.news import ingest


@task()
def fetch_feeds() -> dict[str, int]:
    """Hourly: read every active news feed again; new articles get their proposals."""
    return ingest.fetch_due_feeds()
