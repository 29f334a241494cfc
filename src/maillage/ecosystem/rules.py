"""Who may do what in the directory: the single place for these rules (django-rules)."""

from __future__ import annotations

import rules

from maillage.ecosystem.enums import OrganisationKind
from maillage.ecosystem.models import Membership, Organisation, PageClaim


@rules.predicate
def is_platform_admin(user) -> bool:
    return bool(user and user.is_active and user.is_superuser)


def staff_organisation_ids(user) -> set[int]:
    """Organisations the user works for (cached on the user object for the request)."""
    if not (user and user.is_authenticated and user.is_active):
        return set()
    cached = getattr(user, "_staff_organisation_ids", None)
    if cached is None:
        cached = set(user.staff_of.values_list("id", flat=True))
        user._staff_organisation_ids = cached
    return cached


def managed_organisation_ids(user) -> set[int]:
    """Organisations a staff user may edit: the ones they work for, the organisations those
    host (members located in a park) and the members of those that are networks."""
    if not (user and user.is_authenticated and user.is_active):
        return set()
    cached = getattr(user, "_managed_organisation_ids", None)
    if cached is not None:
        return cached
    own = staff_organisation_ids(user)
    hosted = set(Organisation.objects.filter(host_park_id__in=own).values_list("id", flat=True))
    networks = set(
        Organisation.objects.filter(id__in=own, kind=OrganisationKind.NETWORK).values_list(
            "id", flat=True
        )
    )
    members = set(
        Membership.objects.filter(network_id__in=networks).values_list("member_id", flat=True)
    )
    user._managed_organisation_ids = own | hosted | members
    return user._managed_organisation_ids


@rules.predicate
def is_park_or_network_staff(user) -> bool:
    return bool(staff_organisation_ids(user))


@rules.predicate
def manages_organisation(user, organisation) -> bool:
    return organisation is not None and organisation.pk in managed_organisation_ids(user)


def claimed_organisation_ids(user) -> set[int]:
    """Organisations whose directory page the user edits by an approved claim (claims.py)."""
    if not (user and user.is_authenticated and user.is_active):
        return set()
    cached = getattr(user, "_claimed_organisation_ids", None)
    if cached is None:
        cached = set(
            user.page_claims.filter(status=PageClaim.Status.APPROVED).values_list(
                "organisation_id", flat=True
            )
        )
        user._claimed_organisation_ids = cached
    return cached


@rules.predicate
def has_person(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and hasattr(user, "person"))


@rules.predicate
def is_claimable(user, organisation) -> bool:
    """Pages of the organisations people work for; parks and networks are run by their staff."""
    return organisation is not None and organisation.kind not in (
        OrganisationKind.PARK,
        OrganisationKind.NETWORK,
    )


@rules.predicate
def edits_own_page(user, organisation) -> bool:
    return organisation is not None and organisation.pk in claimed_organisation_ids(user)


@rules.predicate
def hosts_organisation(user, organisation) -> bool:
    """Staff of the park that hosts the organisation (not of another park, nor of a network)."""
    return bool(
        organisation is not None
        and organisation.host_park_id
        and organisation.host_park_id in staff_organisation_ids(user)
    )


@rules.predicate
def decides_claim(user, claim) -> bool:
    return claim is not None and (
        is_platform_admin(user) or hosts_organisation(user, claim.organisation)
    )


rules.add_perm("ecosystem.view_organisation", rules.always_allow)
rules.add_perm("ecosystem.add_organisation", is_platform_admin | is_park_or_network_staff)
rules.add_perm("ecosystem.change_organisation", is_platform_admin | manages_organisation)
rules.add_perm("ecosystem.delete_organisation", is_platform_admin)
rules.add_perm("ecosystem.import_organisations", is_platform_admin | is_park_or_network_staff)
rules.add_perm("ecosystem.claim_organisation", has_person & is_claimable)
rules.add_perm(
    "ecosystem.edit_organisation_page", is_platform_admin | manages_organisation | edits_own_page
)
rules.add_perm("ecosystem.decide_claims", is_platform_admin | is_park_or_network_staff)
rules.add_perm("ecosystem.decide_claim", decides_claim)
