"""API parity of the partnerships pages (see tests/parity/__init__.py)."""

from tests.parity import api, exempt  # noqa: F401

PAGES = {
    "partnerships:agreement": api(
        "agreements_get_agreement", "agreements_list_notes", "agreements_list_documents"
    ),
    "partnerships:agreement_create": api("agreements_create_agreement"),
    "partnerships:agreement_edit": api("agreements_update_agreement"),
    "partnerships:agreement_status": api("agreements_change_status"),
    "partnerships:agreements": api("agreements_list_agreements"),
    "partnerships:commitment_add": api("agreements_add_commitment"),
    "partnerships:commitment_toggle": api("agreements_set_commitment_done"),
    "partnerships:contact_add": api("delegations_add_contact"),
    "partnerships:delegation": api("delegations_get_delegation"),
    "partnerships:delegation_create": api("delegations_create_delegation"),
    "partnerships:delegation_edit": api("delegations_update_delegation"),
    "partnerships:delegations": api("delegations_list_delegations"),
    "partnerships:document": api("agreements_download_document"),
    "partnerships:document_upload": api("agreements_upload_document"),
    "partnerships:export_graphml": api("network_exports_export_graphml"),
    "partnerships:export_kumu": api("network_exports_export_kumu"),
    "partnerships:follow_up_add": api("delegations_add_follow_up"),
    "partnerships:follow_up_toggle": api("delegations_set_follow_up_done"),
    "partnerships:network": api("network_get_network"),
    "partnerships:note_add": api("agreements_add_note"),
    "partnerships:park_profile": api("network_exports_park_profile"),
    "partnerships:visit_add": api("delegations_add_visit"),
}
