"""Reading sources into articles: RSS/Atom feeds (feedparser), web pages and saved HTML
(trafilatura), pasted text and uploaded files. Each article is stored once (canonical URL and
content hash) in its own transaction with its proposals: a bad article leaves nothing behind
and the next one is still read; the source says, in a sentence, what could not be read."""

from __future__ import annotations

import datetime as dt
import hashlib
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

import feedparser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.ecosystem.models import Organisation
from maillage.news import documents, proposals
from maillage.news.enums import SourceKind, SourceStatus
from maillage.news.extraction import VERSION, NoText, UnsupportedLanguage, extract
from maillage.news.extraction.gazetteer import Gazetteer
from maillage.news.models import Article, Source
from maillage.news.selectors import directory_gazetteer

FETCH_TIMEOUT = 20


@dataclass
class Report:
    added: list[Article] = field(default_factory=list)
    known: int = 0
    problems: list[str] = field(default_factory=list)

    def sentence(self) -> str:
        parts = (
            [_("%(n)d new article(s)") % {"n": len(self.added)}]
            if (self.added or not self.problems)
            else []
        )
        if self.known:
            parts.append(_("%(n)d already read") % {"n": self.known})
        text = "; ".join(parts + self.problems)
        return text[:1].upper() + text[1:] + "."


def canonical(url: str) -> str:
    if not url:
        return ""
    parts = urlsplit(url.strip())
    query = "&".join(q for q in parts.query.split("&") if q and not q.startswith("utm_"))
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), query, "")
    )


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def _date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if value:
        try:
            return dt.date.fromisoformat(str(value)[:10])
        except ValueError:
            return None
    return None


def add_article(
    *,
    source: Source,
    text: str,
    title: str = "",
    url: str = "",
    published_on=None,
    gazetteer: Gazetteer | None = None,
) -> Article | None:
    """Store and read one article; None when it was already stored. Raises NoText or
    UnsupportedLanguage (nothing stored) when it cannot be read."""
    body = f"{title}\n\n{text}" if title and not text.lstrip().startswith(title) else text
    digest, link = content_hash(body), canonical(url)
    known = Article.objects.filter(content_hash=digest)
    if link:
        known = known | Article.objects.filter(canonical_url=link)
    if known.exists():
        return None
    day = _date(published_on)
    found = extract(
        body, gazetteer=gazetteer or directory_gazetteer(), year=(day or timezone.localdate()).year
    )
    with transaction.atomic():
        article = Article.objects.create(
            source=source,
            url=url,
            canonical_url=link,
            content_hash=digest,
            title=title[:300],
            language=found.language,
            published_on=day,
            text=body,
            words=found.words,
            extraction_version=VERSION,
        )
        proposals.save(proposals.build(article, found, gazetteer or directory_gazetteer()))
    return article


def _read_one(report: Report, source: Source, gazetteer, label: str, **article) -> None:
    try:
        added = add_article(source=source, gazetteer=gazetteer, **article)
    except IntegrityError:  # stored by another worker between our check and our write
        added = None
    except NoText:
        report.problems.append(_("%(what)s: no text found") % {"what": label})
    except UnsupportedLanguage as exc:
        report.problems.append(
            _("%(what)s: language not supported: %(lang)s") % {"what": label, "lang": exc.language}
        )
    else:
        if added is None:
            report.known += 1
        else:
            report.added.append(added)


def _finish(source: Source, report: Report, *, failed: str = "") -> Report:
    if failed:
        source.status, source.status_text = SourceStatus.FAILED, failed
    else:
        source.status = SourceStatus.PARTLY if report.problems else SourceStatus.OK
        if report.problems and not report.added and not report.known:
            source.status = SourceStatus.FAILED
        source.status_text = report.sentence()
    source.fetched_at = timezone.now()
    source.save(update_fields=["status", "status_text", "fetched_at"])
    return report


def _download(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=FETCH_TIMEOUT) as response:  # noqa: S310
        return response.read(documents.MAX_UPLOAD_BYTES + 1)


def fetch_feed(source: Source, *, gazetteer: Gazetteer | None = None) -> Report:
    """Read every entry of an RSS or Atom feed (http(s):// or file:// address)."""
    report = Report()
    try:
        data = _download(source.url)
    except (OSError, ValueError) as exc:
        return _finish(
            source,
            report,
            failed=_("The feed could not be downloaded (%(error)s). Check its address.")
            % {"error": exc},
        )
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        return _finish(
            source,
            report,
            failed=_(
                "This address is not an RSS or Atom feed (not XML). Give the feed's own address, "
                "often ending in /feed or /rss."
            ),
        )
    gazetteer = gazetteer or directory_gazetteer()
    for entry in feed.entries:
        html = ""
        if entry.get("content"):
            html = entry["content"][0].get("value", "")
        html = html or entry.get("summary", "")
        text = documents.text_of_fragment(html)
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        _read_one(
            report,
            source,
            gazetteer,
            entry.get("title") or entry.get("link", "?"),
            text=text,
            title=entry.get("title", ""),
            url=entry.get("link", ""),
            published_on=dt.date(*published[:3]) if published else None,
        )
    return _finish(source, report)


def read_page(source: Source, *, html: str | None = None) -> Report:
    """A web page (downloaded from the source's address) or a saved HTML page."""
    report = Report()
    try:
        if html is None:
            html = documents._decode(_download(source.url))
        document = documents.from_html(html, url=source.url)
    except (OSError, ValueError) as exc:
        message = (
            str(exc)
            if isinstance(exc, documents.UnreadableDocument)
            else _("The page could not be downloaded (%(error)s). Check its address.")
            % {"error": exc}
        )
        return _finish(source, report, failed=message)
    _read_one(
        report,
        source,
        None,
        document.title or source.name,
        text=document.text,
        title=document.title,
        url=document.url or source.url,
        published_on=document.date,
    )
    return _finish(source, report)


def read_text(source: Source, *, text: str, title: str = "") -> Report:
    report = Report()
    _read_one(report, source, None, title or source.name, text=text, title=title)
    return _finish(source, report)


def read_upload(source: Source, *, data: bytes, filename: str) -> Report:
    try:
        document = documents.read(data, name=filename)
    except documents.UnreadableDocument as exc:
        return _finish(source, Report(), failed=str(exc))
    return read_text(source, text=document.text, title=document.title)


@transaction.atomic
def create_source(
    *, organisation: Organisation, kind: str, name: str, url: str = "", by=None
) -> Source:
    return Source.objects.create(
        organisation=organisation,
        kind=kind,
        name=name[:200],
        url=url,
        created_by=by,
        active=kind == SourceKind.FEED,
    )


def read_source(
    *,
    source: Source,
    text: str = "",
    html: str | None = None,
    data: bytes | None = None,
    filename: str = "",
) -> Report:
    """Read a source just added, whatever its kind: the feed or page at its address, the saved
    page (html), the pasted text or the uploaded file (data and filename)."""
    if source.kind == SourceKind.FEED:
        return fetch_feed(source)
    if source.kind == SourceKind.PAGE:
        return read_page(source, html=html)
    if source.kind == SourceKind.PASTED:
        return read_text(source, text=text, title=source.name)
    return read_upload(source, data=data or b"", filename=filename)


def fetch_due_feeds() -> dict[str, int]:
    """Every active feed, read again (articles already stored are skipped)."""
    counts = {"feeds": 0, "articles": 0}
    gazetteer = directory_gazetteer()
    for source in Source.objects.filter(kind=SourceKind.FEED, active=True):
        counts["feeds"] += 1
        counts["articles"] += len(fetch_feed(source, gazetteer=gazetteer).added)
    return counts
