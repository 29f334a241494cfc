"""API parity of the platform pages (see tests/parity/__init__.py)."""

from tests.parity import api, exempt  # noqa: F401

TODO = None  # an entry not written yet: the parity test fails on it

PAGES = {
    "core:job": TODO,
    "core:job_file": TODO,
    "home": TODO,
    "mail:outbox": TODO,
    "mail:resend": TODO,
    "set_language": TODO,
}
