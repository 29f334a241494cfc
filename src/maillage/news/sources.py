"""Adding a news source from the sources page or the API: the source is recorded at once, and
read on a worker (a feed of many articles or a long PDF takes longer than a request should)."""

from __future__ import annotations

import base64

from maillage.ecosystem.models import Organisation
from maillage.news import ingest, tasks
from maillage.news.enums import SourceKind
from maillage.news.models import Source


def add_source(
    *,
    organisation: Organisation,
    kind: str,
    name: str,
    url: str = "",
    text: str = "",
    content: bytes = b"",
    filename: str = "",
    by=None,
) -> Source:
    """Record the source and queue its first reading; returns it as it stands after queueing
    (read already when the tasks run at once, as in development)."""
    source = ingest.create_source(organisation=organisation, kind=kind, name=name, url=url, by=by)
    tasks.read_source.enqueue(
        source_id=source.pk,
        text=text or "",
        html=content.decode("utf-8", "replace") if kind == SourceKind.PAGE and content else None,
        data_base64=base64.b64encode(content).decode("ascii") if kind == SourceKind.UPLOAD else "",
        filename=filename,
    )
    source.refresh_from_db()
    return source
