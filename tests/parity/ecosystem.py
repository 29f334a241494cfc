"""API parity of the ecosystem pages (see tests/parity/__init__.py)."""

from tests.parity import api, exempt  # noqa: F401

TODO = None  # an entry not written yet: the parity test fails on it

PAGES = {
    "ecosystem:claim_decide": api("claims_approve_claim", "claims_refuse_claim"),
    "ecosystem:claims": api("claims_list_claims"),
    "ecosystem:directory": api("ecosystem_list_organisations"),
    "ecosystem:directory_map": api("directory_files_directory_map"),
    "ecosystem:export_csv": api("directory_files_export_csv"),
    "ecosystem:export_xlsx": api("directory_files_export_xlsx"),
    "ecosystem:import_cancel": TODO,
    "ecosystem:import_preview": TODO,
    "ecosystem:import_upload": TODO,
    "ecosystem:organisation": api("ecosystem_get_organisation", "ecosystem_list_network_members"),
    "ecosystem:organisation_claim": api("claims_claim_organisation"),
    "ecosystem:organisation_create": api("ecosystem_create_organisation"),
    "ecosystem:organisation_page": api("claims_edit_page"),
    "ecosystem:organisation_update": api("ecosystem_update_organisation"),
}
