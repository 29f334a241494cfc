"""API parity of the partnerships pages (see tests/parity/__init__.py)."""

from tests.parity import api, exempt  # noqa: F401

TODO = None  # an entry not written yet: the parity test fails on it

PAGES = {
    "partnerships:agreement": TODO,
    "partnerships:agreement_create": TODO,
    "partnerships:agreement_edit": TODO,
    "partnerships:agreement_status": TODO,
    "partnerships:agreements": TODO,
    "partnerships:commitment_add": TODO,
    "partnerships:commitment_toggle": TODO,
    "partnerships:contact_add": TODO,
    "partnerships:delegation": TODO,
    "partnerships:delegation_create": TODO,
    "partnerships:delegation_edit": TODO,
    "partnerships:delegations": TODO,
    "partnerships:document": TODO,
    "partnerships:document_upload": TODO,
    "partnerships:export_graphml": TODO,
    "partnerships:export_kumu": TODO,
    "partnerships:follow_up_add": TODO,
    "partnerships:follow_up_toggle": TODO,
    "partnerships:network": TODO,
    "partnerships:note_add": TODO,
    "partnerships:park_profile": TODO,
    "partnerships:visit_add": TODO,
}
