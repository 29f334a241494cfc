"""API parity of the privacy pages (see tests/parity/__init__.py)."""

from tests.parity import api, exempt  # noqa: F401

PAGES = {
    "privacy:consent_confirm": exempt(
        "The consent link is opened from an e-mail by a person who may have no account at all: "
        "the signed token in the address is the whole authorisation, so a browser page answers it."
    ),
    "privacy:erase_me": api("privacy_erase_me"),
    "privacy:history": api("privacy_requests_history"),
    "privacy:my_data": api("privacy_my_data"),
    "privacy:my_data_json": api("privacy_my_data"),
    "privacy:policy": exempt(
        "The privacy notice is a text for people to read; it holds no data to fetch or change."
    ),
    "privacy:staff_ask_consent": api("privacy_requests_ask_consent"),
    "privacy:staff_person_data": api("privacy_requests_person_data"),
    "privacy:staff_person_erase": api("privacy_requests_erase_person"),
    "privacy:staff_requests": api("privacy_requests_find_person", "privacy_requests_list_requests"),
}
