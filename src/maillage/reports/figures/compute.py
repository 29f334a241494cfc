"""The key figures of a park or a network for a period: one function, ``compute_figures``, that
the dashboard, the API and the yearly report share. Definitions are in docs/reports.md; each
family of figures is computed by its own module of this package (events, partnerships,
softlanding, directory, countries) in a bounded number of aggregate queries.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from maillage.ecosystem.models import Organisation
from maillage.reports.figures import countries, directory, events, partnerships, softlanding
from maillage.reports.figures.types import Figures
from maillage.reports.periods import Period
from maillage.reports.scopes import Scope, scope_for


def compute_figures(
    *,
    scope: Organisation | Scope,
    start: dt.date,
    end: dt.date,
    now: dt.datetime | None = None,
) -> Figures:
    """Every figure of the scope (a park or a network organisation, or a resolved Scope) for
    the days start..end included. ``now`` decides which meetings have started (default: now)."""
    period = Period(start, end)
    now = now or timezone.now()
    if isinstance(scope, Organisation):
        scope = scope_for(scope, period)
    ids = scope.organisation_ids
    of_events = events.Events(ids, period, now)
    agreements = partnerships.agreement_figures(ids, period)
    delegations = partnerships.delegation_figures(ids, period)
    return Figures(
        organisation_id=scope.organisation.pk,
        organisation_name=scope.organisation.name,
        kind=scope.organisation.kind,
        member_ids=tuple(sorted(scope.member_ids)),
        start=period.start,
        end=period.end,
        computed_at=now,
        events=of_events.event_figures(),
        event_lines=of_events.event_lines(),
        meetings=of_events.meeting_figures(),
        feedback=of_events.feedback_figures(),
        agreements=agreements,
        delegations=delegations,
        softlanding=softlanding.softlanding_figures(ids, period),
        countries=countries.countries_reached(
            ids,
            period,
            event_ids=of_events.event_ids,
            delegation_ids=[d.id for d in delegations.delegations],
        ),
        home_country=scope.organisation.country,
        directory=directory.directory_figures(ids, period),
    )
