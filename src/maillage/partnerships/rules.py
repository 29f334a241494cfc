"""Who may see and change agreements and delegations (django-rules).

Staff of a party see and edit an agreement; staff of a host or visiting organisation see and
edit a delegation; platform admins see all. Visitors see only agreements marked public.
"""

from __future__ import annotations

import rules

from maillage.ecosystem.rules import (
    is_park_or_network_staff,
    is_platform_admin,
    staff_organisation_ids,
)


def party_ids(agreement) -> set[int]:
    cached = getattr(agreement, "_party_ids", None)
    if cached is None:
        cached = {p.organisation_id for p in agreement.parties.all()}
        agreement._party_ids = cached
    return cached


@rules.predicate
def is_agreement_party_staff(user, agreement) -> bool:
    return agreement is not None and bool(staff_organisation_ids(user) & party_ids(agreement))


@rules.predicate
def is_public_agreement(user, agreement) -> bool:
    return agreement is not None and agreement.is_public


@rules.predicate
def is_delegation_staff(user, delegation) -> bool:
    if delegation is None:
        return False
    orgs = {o.pk for o in delegation.hosts.all()} | {o.pk for o in delegation.visitors.all()}
    return bool(staff_organisation_ids(user) & orgs)


rules.add_perm("partnerships.add_agreement", is_platform_admin | is_park_or_network_staff)
rules.add_perm(
    "partnerships.view_agreement",
    is_platform_admin | is_agreement_party_staff | is_public_agreement,
)
rules.add_perm("partnerships.change_agreement", is_platform_admin | is_agreement_party_staff)
rules.add_perm("partnerships.delete_agreement", is_platform_admin)
rules.add_perm("partnerships.add_delegation", is_platform_admin | is_park_or_network_staff)
rules.add_perm("partnerships.view_delegation", is_platform_admin | is_delegation_staff)
rules.add_perm("partnerships.change_delegation", is_platform_admin | is_delegation_staff)
rules.add_perm("partnerships.view_network", rules.always_allow)
