"""Soft-landing figures of a scope for a period.

An application belongs to the scope when its home park, the host of the offer it was assigned
or an organiser of its programme is an organisation of the scope. Applications count in the
period they were created in; landings and exits in the period the application moved to
"landed" or "exited" (its status history); outcome reports in the period they were recorded.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Q, Sum

from maillage.reports.figures.types import Count as Row
from maillage.reports.figures.types import SoftLandingFigures
from maillage.reports.periods import Period
from maillage.softlanding.enums import ApplicationStatus, ExitOutcome
from maillage.softlanding.models import Application, Outcome, Programme, StatusChange


def scope_applications(organisation_ids):
    ids = list(organisation_ids)
    programmes = Programme.organisers.through.objects.filter(organisation_id__in=ids).values(
        "programme_id"
    )
    return Application.objects.filter(
        Q(home_park_id__in=ids)
        | Q(assigned_offer__host_id__in=ids)
        | Q(programme_id__in=programmes)
    )


def softlanding_figures(organisation_ids, period: Period) -> SoftLandingFigures:
    first, after = period.bounds()
    applications = scope_applications(organisation_ids).values("pk")
    created = Application.objects.filter(
        pk__in=applications, created_at__gte=first, created_at__lt=after
    )
    statuses = dict(created.values_list("status").annotate(n=Count("id")).order_by())
    moves = StatusChange.objects.filter(
        application__in=applications, at__gte=first, at__lt=after
    ).aggregate(
        landings=Count(
            "application_id", filter=Q(to_status=ApplicationStatus.LANDED), distinct=True
        ),
        exits=Count("application_id", filter=Q(to_status=ApplicationStatus.EXITED), distinct=True),
        stayed=Count(
            "application_id",
            filter=Q(
                to_status=ApplicationStatus.EXITED,
                application__exit_outcome=ExitOutcome.STAYED,
            ),
            distinct=True,
        ),
    )
    outcomes = Outcome.objects.filter(
        application__in=applications, recorded_at__gte=first, recorded_at__lt=after
    ).aggregate(
        recorded=Count("id"),
        jobs=Sum("jobs"),
        contracts=Sum("contracts"),
        funds=Sum("funds_raised"),
        entities=Count("id", filter=Q(local_entity_created=True)),
    )
    return SoftLandingFigures(
        applications=sum(statuses.values()),
        landings=moves["landings"],
        exits=moves["exits"],
        stayed=moves["stayed"],
        outcomes_recorded=outcomes["recorded"],
        jobs=outcomes["jobs"] or 0,
        contracts=outcomes["contracts"] or 0,
        funds_raised=Decimal(outcomes["funds"] or 0).quantize(Decimal("0.01")),
        local_entities=outcomes["entities"],
        by_status=tuple(
            Row(value, str(label), statuses.get(value, 0))
            for value, label in ApplicationStatus.choices
        ),
    )
