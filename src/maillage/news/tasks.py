"""Background jobs (django-tasks): thin wrappers around the news services."""

from __future__ import annotations

import base64

from django_tasks import task

from maillage.news import ingest
from maillage.news.models import Source


@task()
def fetch_feeds() -> dict[str, int]:
    """Hourly: read every active news feed again; new articles get their proposals."""
    return ingest.fetch_due_feeds()


@task()
def read_source(
    *,
    source_id: int,
    text: str = "",
    html: str | None = None,
    data_base64: str = "",
    filename: str = "",
) -> str:
    """A source added through the sources page, read outside the request (a feed of many
    articles or a long PDF takes longer than a page should). An uploaded file travels as
    base64 (task arguments are JSON). Returns the sentence left on the source."""
    source = Source.objects.filter(pk=source_id).first()
    if source is None:  # deleted meanwhile: nothing to read
        return ""
    ingest.read_source(
        source=source,
        text=text,
        html=html,
        data=base64.b64decode(data_base64) if data_base64 else None,
        filename=filename,
    )
    return source.status_text
