"""Who may see the reports of a park or a network (django-rules).

Platform admins see every report; staff see the reports of the parks and networks they work
for, and of the member parks of those networks. Everybody else (visitors, participants, staff
of another park) sees none.
"""

from __future__ import annotations

import rules

from maillage.ecosystem.rules import is_platform_admin, managed_organisation_ids
from maillage.reports.scopes import REPORTED_KINDS


@rules.predicate
def manages_reported_organisation(user, organisation) -> bool:
    if organisation is None or organisation.kind not in REPORTED_KINDS:
        return False
    return organisation.pk in managed_organisation_ids(user)


rules.add_perm("reports.view_report", is_platform_admin | manages_reported_organisation)

from maillage.reports import yearly_rules  # noqa: F401,E402 (autodiscover loads rules.py only)
