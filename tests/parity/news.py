"""API parity of the news pages (see tests/parity/__init__.py)."""

from tests.parity import api, exempt  # noqa: F401

PAGES = {
    "news:bulk_accept": api("news_bulk_accept"),
    "news:decide": api("news_accept_proposal", "news_reject_proposal"),
    # The page's form corrects the proposal's fields before accepting: the body's payload.
    "news:proposal": api("news_get_proposal", "news_accept_proposal"),
    "news:queue": api("news_list_proposals"),
    "news:sources": api("news_list_sources", "news_create_source"),
    "news:undo": api("news_undo_batch"),
}
