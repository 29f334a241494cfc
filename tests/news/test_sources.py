"""Sources: a feed from a file:// address, a page from a local web server, pasted text,
uploaded files; bad input gets a clear status and leaves nothing half-made."""

from __future__ import annotations

import functools
import http.server
import io
import threading

import docx
import pytest
from pypdf import PdfWriter
from weasyprint import HTML

from maillage.news import documents, ingest
from maillage.news.enums import ProposalType, SourceKind, SourceStatus
from maillage.news.models import Article, Proposal
from tests.news.conftest import DATA

FILES = DATA / "files"


@pytest.fixture
def source(parks):
    def make(kind=SourceKind.FEED, url=""):
        return ingest.create_source(
            organisation=parks["genopole"], kind=kind, name="Genopole news", url=url
        )

    return make


@pytest.fixture
def web_server():
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(FILES))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_feed_articles_are_stored_once_and_a_bad_one_does_not_stop_the_others(source):
    feed = source(url=(FILES / "feed.xml").as_uri())
    report = ingest.fetch_feed(feed)
    feed.refresh_from_db()
    assert len(report.added) == 2
    assert feed.status == SourceStatus.PARTLY
    assert "language not supported: de" in feed.status_text
    article = Article.objects.get(canonical_url="https://www.genopole.example/actualites/caen")
    assert article.language == "fr" and article.published_on.isoformat() == "2024-11-20"
    assert article.extraction_version
    agreement = Proposal.objects.get(article=article, type=ProposalType.AGREEMENT)
    assert agreement.payload["kind"] == "soft_landing"
    assert "soft landing" in agreement.sentence_parts[1].lower()
    again = ingest.fetch_feed(feed)
    assert (len(again.added), again.known) == (0, 2)
    assert Article.objects.count() == 2


def test_something_that_is_not_a_feed_fails_with_a_sentence(source):
    feed = source(url=(FILES / "not-a-feed.xml").as_uri())
    ingest.fetch_feed(feed)
    feed.refresh_from_db()
    assert feed.status == SourceStatus.FAILED
    assert "not an RSS or Atom feed" in feed.status_text
    assert not Article.objects.exists()


def test_a_page_from_a_web_server_gives_its_main_text(source, web_server):
    page = source(SourceKind.PAGE, f"{web_server}/article.html")
    report = ingest.read_page(page)
    (article,) = report.added
    assert article.title.startswith("Sophia Antipolis and Chengdu")
    assert "Home | News" not in article.text
    assert article.published_on.isoformat() == "2025-07-02"
    kinds = {p.type for p in article.proposals.all()}
    assert ProposalType.AGREEMENT in kinds


def test_a_page_without_text_says_so(source):
    page = source(SourceKind.PAGE)
    ingest.read_page(page, html=(FILES / "empty-page.html").read_text())
    page.refresh_from_db()
    assert page.status == SourceStatus.FAILED and "no text found" in page.status_text.lower()
    assert not Article.objects.exists()


def test_an_unreachable_address_fails_cleanly(source, web_server):
    feed = source(url=f"{web_server}/missing.xml")
    ingest.fetch_feed(feed)
    feed.refresh_from_db()
    assert feed.status == SourceStatus.FAILED and "could not be downloaded" in feed.status_text


def test_pasted_text_in_another_language(source):
    pasted = source(SourceKind.PASTED)
    ingest.read_text(
        pasted,
        text="Der Park hat heute eine neue Vereinbarung mit einem Partner "
        "aus Japan unterzeichnet, um die Zusammenarbeit zu stärken.",
    )
    pasted.refresh_from_db()
    assert pasted.status == SourceStatus.FAILED
    assert "language not supported: de" in pasted.status_text
    assert not Article.objects.exists()


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("Genopole et le BiotechPole Sidi Thabet signent un protocole d'accord")
    document.add_paragraph(
        "Genopole et BiotechPole Sidi Thabet ont signé le 22 septembre 2025 à "
        "Tunis un protocole d'accord pour des formations communes."
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_uploaded_word_and_pdf_files_are_read(source):
    upload = source(SourceKind.UPLOAD)
    report = ingest.read_upload(upload, data=_docx_bytes(), filename="communique.docx")
    (article,) = report.added
    assert article.proposals.filter(type=ProposalType.AGREEMENT, payload__kind="mou").exists()
    pdf = HTML(
        string="<p>Research Triangle Park and Genopole renewed on 4 March 2025 the "
        "cooperation agreement they first signed in 2019.</p>"
    ).write_pdf()
    report = ingest.read_upload(upload, data=pdf, filename="release.pdf")
    assert report.added and report.added[0].language == "en"


def test_a_scanned_pdf_and_a_huge_file_are_refused(source):
    upload = source(SourceKind.UPLOAD)
    writer, out = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=595, height=842)
    writer.write(out)
    ingest.read_upload(upload, data=out.getvalue(), filename="scan.pdf")
    upload.refresh_from_db()
    assert upload.status == SourceStatus.FAILED and "a scan?" in upload.status_text
    with pytest.raises(documents.UnreadableDocument, match="the limit is 10 MB"):
        documents.read(b"x" * (20 * 1024 * 1024), name="big.txt")
    assert not Article.objects.exists()
