"""The demo feeds: a dozen articles read, a review queue for Genopole's staff."""

from __future__ import annotations

import io

from maillage.demo import news as demo
from maillage.news.enums import SourceStatus
from maillage.news.models import Article, Source
from maillage.news.selectors import review_queue
from tests.ecosystem.factories import NetworkFactory, ParkFactory, UserFactory


def test_demo_feeds_give_genopole_staff_a_queue(db):
    genopole = ParkFactory(name="Genopole", country="FR", city="Évry")
    NetworkFactory(name="IASP", country="ES", city="Málaga")
    ParkFactory(name="Research Triangle Park", country="US", city="Durham", aliases="RTP")
    staff = UserFactory(email="staff@genopole.example", staff_of=[genopole])
    demo.load(io.StringIO())
    assert Source.objects.count() == 2 and Article.objects.count() == 12
    assert set(Article.objects.values_list("language", flat=True)) == {"fr", "en"}
    queue = list(review_queue(staff))
    assert len(queue) >= 10
    assert {p.type for p in queue} >= {"organisation", "agreement", "event", "delegation"}
    demo.load(io.StringIO())  # idempotent
    assert Article.objects.count() == 12


def test_demo_feeds_loaded_from_an_old_address_are_read_where_they_are_now(db):
    ParkFactory(name="Genopole", country="FR", city="Évry")
    NetworkFactory(name="IASP", country="ES", city="Málaga")
    demo.load(io.StringIO())
    Source.objects.update(url="file:///old/checkout/src/maillage/news/data/demo/feed.xml")
    demo.load(io.StringIO())
    for source in Source.objects.all():
        assert source.url.startswith(demo.FEEDS_DIR.as_uri()), source.url
        assert source.status != SourceStatus.FAILED, source.status_text
