"""API parity of the privacy pages (see tests/parity/__init__.py)."""

from tests.parity import api, exempt  # noqa: F401

TODO = None  # an entry not written yet: the parity test fails on it

PAGES = {
    "privacy:consent_confirm": TODO,
    "privacy:erase_me": TODO,
    "privacy:history": TODO,
    "privacy:my_data": TODO,
    "privacy:my_data_json": TODO,
    "privacy:policy": TODO,
    "privacy:staff_ask_consent": TODO,
    "privacy:staff_person_data": TODO,
    "privacy:staff_person_erase": TODO,
    "privacy:staff_requests": TODO,
}
