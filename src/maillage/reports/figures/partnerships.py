"""Figures of agreements and delegations of a scope for a period.

An agreement belongs to the scope when one of its parties is an organisation of the scope.
  - signed: its signature date is a day of the period (and it left negotiation);
  - active: signed, active or since expired, and in force on at least one day of the period
    (it starts — ``starts_on``, else ``signed_on`` — on or before the period's end and ends on
    or after the period's start, or has no end);
  - expiring: signed, active or expired, with its end or renewal date in the period;
  - to renew: signed or active, with its end date within RENEWAL_WINDOW_DAYS after the period.
A delegation belongs to the scope when an organisation of the scope hosts it or travels with
it, and to the period when it starts on a day of the period.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.db.models import Prefetch, Q
from django.db.models.functions import Coalesce

from maillage.partnerships.enums import AgreementKind, AgreementStatus, DelegationDirection
from maillage.partnerships.models import Agreement, AgreementParty, Delegation
from maillage.reports.figures.types import (
    AgreementFigures,
    AgreementLine,
    DelegationFigures,
    DelegationLine,
)
from maillage.reports.figures.types import Count as Row
from maillage.reports.periods import Period

RENEWAL_WINDOW_DAYS = 90
IN_FORCE = (AgreementStatus.SIGNED, AgreementStatus.ACTIVE, AgreementStatus.EXPIRED)
BINDING = (AgreementStatus.SIGNED, AgreementStatus.ACTIVE)
LEFT_NEGOTIATION = IN_FORCE + (AgreementStatus.TERMINATED,)


def scope_agreements(organisation_ids):
    return Agreement.objects.filter(
        pk__in=AgreementParty.objects.filter(organisation_id__in=organisation_ids).values(
            "agreement_id"
        )
    )


def signed_in(period: Period) -> Q:
    return Q(status__in=LEFT_NEGOTIATION, signed_on__gte=period.start, signed_on__lte=period.end)


def in_force_during(period: Period) -> Q:
    return (
        Q(status__in=IN_FORCE)
        & (Q(effective_start__isnull=True) | Q(effective_start__lte=period.end))
        & (Q(ends_on__isnull=True) | Q(ends_on__gte=period.start))
    )


def reported_agreements(organisation_ids, period: Period):
    """Agreements signed or in force during the period."""
    return (
        scope_agreements(organisation_ids)
        .annotate(effective_start=Coalesce("starts_on", "signed_on"))
        .filter(signed_in(period) | in_force_during(period))
    )


def signed_during(status: str, signed_on: dt.date | None, period: Period) -> bool:
    return (
        status in LEFT_NEGOTIATION
        and signed_on is not None
        and period.start <= signed_on <= period.end
    )


def in_force_on_a_day_of(
    status: str, begins: dt.date | None, ends_on: dt.date | None, period: Period
) -> bool:
    return (
        status in IN_FORCE
        and (begins is None or begins <= period.end)
        and (ends_on is None or ends_on >= period.start)
    )


def agreement_figures(organisation_ids, period: Period) -> AgreementFigures:
    parties = AgreementParty.objects.select_related("organisation").order_by("id")
    rows = list(
        reported_agreements(organisation_ids, period)
        .prefetch_related(Prefetch("parties", queryset=parties))
        .order_by("signed_on", "title", "id")
    )
    renew_until = period.end + dt.timedelta(days=RENEWAL_WINDOW_DAYS)
    to_renew = (
        scope_agreements(organisation_ids)
        .filter(status__in=BINDING, ends_on__gt=period.end, ends_on__lte=renew_until)
        .count()
    )

    def is_signed(a) -> bool:
        return signed_during(a.status, a.signed_on, period)

    def in_force(a) -> bool:
        return in_force_on_a_day_of(a.status, a.starts_on or a.signed_on, a.ends_on, period)

    signed = [a for a in rows if is_signed(a)]
    kinds = Counter(a.kind for a in signed)
    lines = []
    for a in rows:
        others = [
            p.organisation for p in a.parties.all() if p.organisation_id not in organisation_ids
        ]
        lines.append(
            AgreementLine(
                id=a.pk,
                title=a.title,
                kind=a.kind,
                status=a.status,
                signed_on=a.signed_on,
                ends_on=a.ends_on,
                partners=tuple(o.name for o in others),
                countries=tuple(sorted({o.country for o in others if o.country})),
            )
        )
    return AgreementFigures(
        signed=len(signed),
        active=sum(1 for a in rows if in_force(a)),
        expiring=sum(
            1
            for a in rows
            if a.status in IN_FORCE and a.ends_on and period.start <= a.ends_on <= period.end
        ),
        to_renew=to_renew,
        signed_by_kind=tuple(
            Row(value, str(label), kinds[value])
            for value, label in AgreementKind.choices
            if kinds[value]
        ),
        agreements=tuple(lines),
    )


def scope_delegations(organisation_ids, period: Period):
    ids = list(organisation_ids)
    return Delegation.objects.filter(
        Q(
            pk__in=Delegation.hosts.through.objects.filter(organisation_id__in=ids).values(
                "delegation_id"
            )
        )
        | Q(
            pk__in=Delegation.visitors.through.objects.filter(organisation_id__in=ids).values(
                "delegation_id"
            )
        ),
        starts_on__gte=period.start,
        starts_on__lte=period.end,
    )


def delegation_figures(organisation_ids, period: Period) -> DelegationFigures:
    rows = list(scope_delegations(organisation_ids, period).order_by("starts_on", "title", "id"))
    return DelegationFigures(
        incoming=sum(1 for d in rows if d.direction == DelegationDirection.INCOMING),
        outgoing=sum(1 for d in rows if d.direction == DelegationDirection.OUTGOING),
        delegations=tuple(
            DelegationLine(
                id=d.pk,
                title=d.title,
                direction=d.direction,
                starts_on=d.starts_on,
                ends_on=d.ends_on,
                countries=tuple(d.country_list),
            )
            for d in rows
        ),
    )
