"""The text of a news document: plain text, a saved HTML page (main text and metadata by
trafilatura), a PDF (pypdf) or a Word file (python-docx). A document that cannot be read
raises UnreadableDocument with the sentence shown to the user."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import docx
import lxml.html
import trafilatura
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx")


class UnreadableDocument(ValueError):
    """What is wrong with a document, as a sentence (EN source, translated)."""


@dataclass
class Document:
    text: str
    title: str = ""
    date: str = ""  # ISO date from the page's metadata, when it has one
    url: str = ""


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _first_line_title(text: str) -> tuple[str, str]:
    lines = text.strip().splitlines()
    if len(lines) > 1 and len(lines[0]) < 200 and not lines[0].rstrip().endswith("."):
        return lines[0].strip(), text.strip()
    return "", text.strip()


def from_html(html: str, *, url: str = "") -> Document:
    text = (
        trafilatura.extract(
            html,
            url=url or None,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
        or ""
    )
    meta = trafilatura.extract_metadata(html, default_url=url or None)
    if not text.strip():
        raise UnreadableDocument(
            _(
                "No text found: the page has no article text. Save the "
                "article's own page, not a list or a menu page."
            )
        )
    title = (meta.title if meta else "") or ""
    body = text.strip()
    return Document(
        text=f"{title}\n\n{body}" if title and not body.startswith(title) else body,
        title=title,
        date=(meta.date if meta else "") or "",
        url=(meta.url if meta else "") or url,
    )


def text_of_fragment(html: str) -> str:
    """The text of a feed entry's HTML summary or content (a fragment, not a whole page)."""
    if "<" not in html:
        return html.strip()
    text = (
        trafilatura.extract(
            f"<html><body><article>{html}</article></body></html>", favor_recall=True
        )
        or ""
    )
    if not text.strip():
        text = lxml.html.fromstring(html).text_content()
    return text.strip()


def from_pdf(data: bytes) -> Document:
    try:
        reader = PdfReader(io.BytesIO(data))
        text = "\n".join((page.extract_text() or "") for page in reader.pages)
    except (PdfReadError, ValueError, KeyError) as exc:
        raise UnreadableDocument(
            _(
                "This PDF cannot be opened: it is damaged or protected. "
                "Export it again or paste its text."
            )
        ) from exc
    if len(re.findall(r"\w{2,}", text)) < 5:
        raise UnreadableDocument(
            _(
                "No text found: this PDF holds only images (a scan?). "
                "Paste the article's text instead."
            )
        )
    title, body = _first_line_title(text)
    return Document(text=body, title=title)


def from_docx(data: bytes) -> Document:
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises zip, XML and key errors alike
        raise UnreadableDocument(
            _("This Word file cannot be opened. Save it again as .docx or paste its text.")
        ) from exc
    text = "\n".join(p.text for p in document.paragraphs)
    title, body = _first_line_title(text)
    return Document(text=body, title=document.core_properties.title or title)


def read(data: bytes, *, name: str) -> Document:
    """The text of a file's contents, chosen by its name's suffix."""
    suffix = Path(name).suffix.lower()
    if len(data) > MAX_UPLOAD_BYTES:
        raise UnreadableDocument(
            _(
                "This file is %(size)d MB; the limit is %(limit)d MB. Split it or paste the "
                "article's text."
            )
            % {"size": len(data) // (1024 * 1024), "limit": MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    if suffix in (".html", ".htm"):
        document = from_html(_decode(data))
    elif suffix == ".pdf":
        document = from_pdf(data)
    elif suffix == ".docx":
        document = from_docx(data)
    elif suffix == ".txt":
        title, body = _first_line_title(_decode(data))
        document = Document(text=body, title=title)
    else:
        raise UnreadableDocument(
            _(
                "Files of type “%(suffix)s” cannot be read; upload a .txt, .html, .pdf or "
                ".docx file."
            )
            % {"suffix": suffix or name}
        )
    if not document.text.strip():
        raise UnreadableDocument(_("No text found in this file."))
    return document


def read_path(path: Path) -> Document:
    return read(path.read_bytes(), name=path.name)
