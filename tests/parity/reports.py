"""API parity of the reports pages (see tests/parity/__init__.py)."""

from tests.parity import api, exempt  # noqa: F401

TODO = None  # an entry not written yet: the parity test fails on it

PAGES = {
    "reports:csv": TODO,
    "reports:dashboard": TODO,
    "reports:yearly_detail": TODO,
    "reports:yearly_edit": TODO,
    "reports:yearly_generate": TODO,
    "reports:yearly_list": TODO,
    "reports:yearly_pdf": TODO,
    "reports:yearly_start": TODO,
    "reports:yearly_status": TODO,
}
