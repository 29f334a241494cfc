"""API parity of the ecosystem pages (see tests/parity/__init__.py)."""

from tests.parity import api, exempt  # noqa: F401

TODO = None  # an entry not written yet: the parity test fails on it

PAGES = {
    "ecosystem:claim_decide": TODO,
    "ecosystem:claims": TODO,
    "ecosystem:directory": TODO,
    "ecosystem:directory_map": TODO,
    "ecosystem:export_csv": TODO,
    "ecosystem:export_xlsx": TODO,
    "ecosystem:import_cancel": TODO,
    "ecosystem:import_preview": TODO,
    "ecosystem:import_upload": TODO,
    "ecosystem:organisation": TODO,
    "ecosystem:organisation_claim": TODO,
    "ecosystem:organisation_create": TODO,
    "ecosystem:organisation_page": TODO,
    "ecosystem:organisation_update": TODO,
}
