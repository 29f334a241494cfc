"""Demo data for the news: two feeds shipped with the project (Genopole's news in French,
IASP's in English), read once and left as a review queue for staff@genopole.example.
Idempotent: a source is found again by its name, an article by its content."""

from __future__ import annotations

from pathlib import Path

from maillage.ecosystem.models import Organisation
from maillage.news import ingest
from maillage.news.enums import SourceKind
from maillage.news.models import Source

FEEDS_DIR = Path(__file__).parent / "data" / "news"
FEEDS = [
    ("Genopole", "Genopole — actualités", "genopole-actualites.xml"),
    ("IASP", "IASP news", "iasp-news.xml"),
]


def load(stdout) -> None:
    for owner, name, filename in FEEDS:
        organisation = Organisation.objects.filter(name=owner).first()
        if organisation is None:
            stdout.write(f"news: {owner} is not in the directory, feed “{name}” skipped")
            continue
        url = (FEEDS_DIR / filename).as_uri()
        source = Source.objects.filter(name=name).first()
        if source is None:
            source = ingest.create_source(
                organisation=organisation, kind=SourceKind.FEED, name=name, url=url
            )
        elif source.url != url:
            # A database loaded before the feeds moved (or from another checkout) keeps reading
            # them where they are now, also when the periodic job fetches the due feeds.
            Source.objects.filter(pk=source.pk).update(url=url)
            source.url = url
        report = ingest.fetch_feed(source)
        stdout.write(f"news: {name}: {report.sentence()}")
