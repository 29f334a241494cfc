"""Who may see the reports of a park or a network, and write its yearly report (django-rules).

- Platform admins see every report; staff see the reports of the parks and networks they work
  for, and of the member parks of those networks (networks collect their members' yearly
  figures). Everybody else (visitors, participants, staff of another park) sees none; a yearly
  report draft is read by the same people, since it holds paragraphs not published yet.
- Staff of a park or network (``User.staff_of``) and platform admins write the yearly report of
  that organisation: its paragraphs, its logo, and generating its PDF.
"""

from __future__ import annotations

import rules

from maillage.ecosystem.rules import (
    is_park_or_network_staff,
    is_platform_admin,
    managed_organisation_ids,
    staff_organisation_ids,
)
from maillage.reports.scopes import REPORTED_KINDS


@rules.predicate
def manages_reported_organisation(user, organisation) -> bool:
    if organisation is None or organisation.kind not in REPORTED_KINDS:
        return False
    return organisation.pk in managed_organisation_ids(user)


@rules.predicate
def reads_report(user, report) -> bool:
    return report is not None and manages_reported_organisation(user, report.organisation)


@rules.predicate
def writes_report(user, report) -> bool:
    return report is not None and report.organisation_id in staff_organisation_ids(user)


rules.add_perm("reports.view_report", is_platform_admin | manages_reported_organisation)
rules.add_perm("reports.add_yearlyreport", is_platform_admin | is_park_or_network_staff)
rules.add_perm("reports.view_yearlyreport", is_platform_admin | reads_report)
rules.add_perm("reports.change_yearlyreport", is_platform_admin | writes_report)
