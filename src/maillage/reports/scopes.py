"""What a report is about: a park, or a network with its member parks, and who may see it.

A park's scope is the park alone. A network's scope is the network itself plus the parks that
are its members (ecosystem ``Membership``) at some day of the period: a membership counts when
it began on or before the period's end (or has no start) and ended on or after the period's
start (or has no end).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from maillage.ecosystem.enums import OrganisationKind
from maillage.ecosystem.models import Membership, Organisation
from maillage.ecosystem.rules import is_platform_admin, managed_organisation_ids
from maillage.reports.periods import Period

REPORTED_KINDS = (OrganisationKind.PARK, OrganisationKind.NETWORK)


@dataclass(frozen=True)
class Scope:
    organisation: Organisation
    member_ids: frozenset[int]  # the member parks of a network; empty for a park

    @property
    def is_network(self) -> bool:
        return self.organisation.kind == OrganisationKind.NETWORK

    @property
    def organisation_ids(self) -> frozenset[int]:
        """Every organisation whose activity the report adds up."""
        return self.member_ids | {self.organisation.pk}


def member_parks(network: Organisation, period: Period):
    """The parks that are members of the network on at least one day of the period."""
    links = Membership.objects.filter(
        Q(since__isnull=True) | Q(since__lte=period.end),
        Q(until__isnull=True) | Q(until__gte=period.start),
        network=network,
        member__kind=OrganisationKind.PARK,
    )
    return Organisation.objects.filter(pk__in=links.values("member_id")).order_by("name")


def scope_for(organisation: Organisation, period: Period) -> Scope:
    if organisation.kind == OrganisationKind.NETWORK:
        members = frozenset(member_parks(organisation, period).values_list("pk", flat=True))
        return Scope(organisation=organisation, member_ids=members)
    return Scope(organisation=organisation, member_ids=frozenset())


def visible_scopes(user):
    """Parks and networks whose reports the user may see: all of them for a platform admin;
    for staff, the parks and networks they work for and the member parks of those networks."""
    reported = Organisation.objects.filter(kind__in=REPORTED_KINDS).order_by("kind", "name")
    if is_platform_admin(user):
        return reported
    return reported.filter(pk__in=managed_organisation_ids(user))
