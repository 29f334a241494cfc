"""Who may read and write yearly reports (django-rules).

- Staff of a park or network (``User.staff_of``) and platform admins write the yearly report of
  that organisation: its paragraphs, its logo, and generating its PDF.
- Those who may see the organisation's figures read it (``scopes.visible_scopes``: its staff,
  and the staff of a network it is a member of, since networks collect their members' yearly
  figures). Nobody else: a draft holds paragraphs that are not published yet.
"""

from __future__ import annotations

import rules

from maillage.ecosystem.rules import (
    is_park_or_network_staff,
    is_platform_admin,
    managed_organisation_ids,
    staff_organisation_ids,
)


@rules.predicate
def writes_report(user, report) -> bool:
    return report is not None and report.organisation_id in staff_organisation_ids(user)


@rules.predicate
def reads_report(user, report) -> bool:
    return report is not None and report.organisation_id in managed_organisation_ids(user)


rules.add_perm("reports.add_yearlyreport", is_platform_admin | is_park_or_network_staff)
rules.add_perm("reports.view_yearlyreport", is_platform_admin | reads_report)
rules.add_perm("reports.change_yearlyreport", is_platform_admin | writes_report)
