"""API parity of the news pages (see tests/parity/__init__.py)."""

from tests.parity import api, exempt  # noqa: F401

TODO = None  # an entry not written yet: the parity test fails on it

PAGES = {
    "news:bulk_accept": TODO,
    "news:decide": TODO,
    "news:proposal": TODO,
    "news:queue": TODO,
    "news:sources": TODO,
    "news:undo": TODO,
}
