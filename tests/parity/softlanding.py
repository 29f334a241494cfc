"""API parity of the softlanding pages (see tests/parity/__init__.py)."""

from tests.parity import api, exempt  # noqa: F401

TODO = None  # an entry not written yet: the parity test fails on it

PAGES = {
    "softlanding:application": TODO,
    "softlanding:application_create": TODO,
    "softlanding:application_move": TODO,
    "softlanding:application_score": TODO,
    "softlanding:board": TODO,
    "softlanding:follow_up_add": TODO,
    "softlanding:matching": TODO,
    "softlanding:matching_accept": TODO,
    "softlanding:offer_create": TODO,
    "softlanding:offer_edit": TODO,
    "softlanding:outcome_add": TODO,
    "softlanding:programme": TODO,
    "softlanding:programme_create": TODO,
    "softlanding:programme_edit": TODO,
    "softlanding:programmes": TODO,
}
