"""API parity of the matchmaking participant pages (see tests/parity/__init__.py)."""

from tests.parity import api, exempt  # noqa: F401

TODO = None  # an entry not written yet: the parity test fails on it

PAGES = {
    "matchmaking:agenda_feed": TODO,
    "matchmaking:give_feedback": TODO,
    "matchmaking:hub": TODO,
    "matchmaking:marketplace": TODO,
    "matchmaking:my_agenda": TODO,
    "matchmaking:my_agenda_file": TODO,
    "matchmaking:my_agenda_pdf": TODO,
    "matchmaking:my_feedback": TODO,
    "matchmaking:my_opportunities": TODO,
    "matchmaking:opportunity": TODO,
    "matchmaking:opportunity_edit": TODO,
    "matchmaking:opportunity_withdraw": TODO,
    "matchmaking:publish": TODO,
    "matchmaking:recommendations": TODO,
    "matchmaking:request_answer": TODO,
    "matchmaking:request_send": TODO,
    "matchmaking:requests": TODO,
    "matchmaking:rotate_calendar_link": TODO,
    "matchmaking:self_book": TODO,
    "matchmaking:self_book_choose": TODO,
    "matchmaking:wish_set": TODO,
    "matchmaking:wishes": TODO,
}
