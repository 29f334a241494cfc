"""Who may read news sources and review what they propose (django-rules).

Staff of a park or network add sources for it and review the proposals that concern it (its
own news, or news naming it); platform admins everything. Nobody else sees proposals."""

from __future__ import annotations

import rules

from maillage.ecosystem.rules import (
    is_park_or_network_staff,
    is_platform_admin,
    staff_organisation_ids,
)


@rules.predicate
def is_source_staff(user, source) -> bool:
    return source is not None and source.organisation_id in staff_organisation_ids(user)


def concerned_ids(proposal) -> set[int]:
    cached = getattr(proposal, "_concerned_ids", None)
    if cached is None:
        cached = {o.pk for o in proposal.concerns.all()}
        proposal._concerned_ids = cached
    return cached


@rules.predicate
def is_concerned_staff(user, proposal) -> bool:
    return proposal is not None and bool(staff_organisation_ids(user) & concerned_ids(proposal))


rules.add_perm("news.add_source", is_platform_admin | is_park_or_network_staff)
rules.add_perm("news.view_source", is_platform_admin | is_source_staff)
rules.add_perm("news.review", is_platform_admin | is_park_or_network_staff)
rules.add_perm("news.review_proposal", is_platform_admin | is_concerned_staff)
