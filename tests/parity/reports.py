"""API parity of the reports pages (see tests/parity/__init__.py)."""

from tests.parity import api, exempt  # noqa: F401

PAGES = {
    "reports:csv": api("reports_table_csv"),
    "reports:dashboard": api(
        "reports_list_scopes", "reports_figures", "reports_comparison", "reports_members"
    ),
    "reports:yearly_detail": api("yearly_reports_get_report", "reports_figures"),
    "reports:yearly_edit": api(
        "yearly_reports_update_report", "yearly_reports_upload_logo", "yearly_reports_remove_logo"
    ),
    "reports:yearly_generate": api("yearly_reports_generate"),
    "reports:yearly_list": api("yearly_reports_list_reports"),
    "reports:yearly_pdf": api("yearly_reports_download_pdf"),
    "reports:yearly_start": api("yearly_reports_start_report"),
    "reports:yearly_status": api("yearly_reports_generation"),
}
