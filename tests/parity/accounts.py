"""API parity of the accounts pages (see tests/parity/__init__.py)."""

from tests.parity import api, exempt  # noqa: F401

TODO = None  # an entry not written yet: the parity test fails on it

PAGES = {
    "accounts:link": TODO,
    "accounts:login": TODO,
    "accounts:logout": TODO,
    "accounts:password_reset": TODO,
    "accounts:password_reset_complete": TODO,
    "accounts:password_reset_confirm": TODO,
    "accounts:password_reset_done": TODO,
    "accounts:profile": TODO,
    "accounts:request_link": TODO,
    "accounts:revoke_token": TODO,
    "accounts:tokens": TODO,
}
