"""Reports API: the same figures as the dashboard and the yearly report, as JSON.

Every endpoint computes with ``maillage.reports.figures.compute_figures`` and applies the
dashboard's rule: platform admins see every park and network, staff the ones they work for and
the member parks of their networks. Periods: ``year``, or ``start`` and ``end`` (YYYY-MM-DD);
nothing means the current year.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from maillage.api.errors import answers, not_found
from maillage.api.files import CSV, file_operation, file_response
from maillage.api.report_schemas import ComparisonOut, FiguresOut, ReportMemberOut
from maillage.ecosystem.models import Organisation
from maillage.reports.comparison import compare
from maillage.reports.dashboard import as_csv, build_dashboard, csv_name, table_for
from maillage.reports.figures import compute_figures
from maillage.reports.members import member_rows
from maillage.reports.periods import Period, parse_period
from maillage.reports.scopes import REPORTED_KINDS, visible_scopes

router = Router(tags=["reports"])


class PeriodQuery(Schema):
    year: str | None = Field(None, max_length=4)
    start: str | None = Field(None, max_length=10)
    end: str | None = Field(None, max_length=10)


class ScopeOut(Schema):
    id: int
    name: str
    kind: str
    country: str


def _period(query: PeriodQuery) -> Period:
    return parse_period(year=query.year, start=query.start, end=query.end)


def _organisation(request, organisation_id: int) -> Organisation:
    if not request.user.is_authenticated:
        raise HttpError(401, _("Sign in or send an API token to see reports."))
    organisation = Organisation.objects.filter(pk=organisation_id, kind__in=REPORTED_KINDS).first()
    if organisation is None:
        raise not_found("park or network")
    if not request.user.has_perm("reports.view_report", organisation):
        raise HttpError(
            403, _("You may only see the reports of the parks and networks you work for.")
        )
    return organisation


@router.get("/reports/scopes", response=answers({200: list[ScopeOut]}, 401))
def list_scopes(request):
    """The parks and networks whose reports the caller may see."""
    if not request.user.is_authenticated:
        raise HttpError(401, _("Sign in or send an API token to see reports."))
    return [
        ScopeOut(id=o.pk, name=o.name, kind=o.kind, country=o.country)
        for o in visible_scopes(request.user)
    ]


@router.get(
    "/reports/{organisation_id}/figures", response=answers({200: FiguresOut}, 401, 403, 404)
)
def figures(request, organisation_id: int, query: Query[PeriodQuery]):
    """Every figure of the park or network for the period (``Figures.as_dict()``)."""
    organisation = _organisation(request, organisation_id)
    period = _period(query)
    return compute_figures(scope=organisation, start=period.start, end=period.end).as_dict()


@router.get(
    "/reports/{organisation_id}/comparison", response=answers({200: ComparisonOut}, 401, 403, 404)
)
def comparison(request, organisation_id: int, query: Query[PeriodQuery]):
    """The headline figures against the previous period: difference, percentage, direction."""
    organisation = _organisation(request, organisation_id)
    period = _period(query)
    before = period.previous()
    current = compute_figures(scope=organisation, start=period.start, end=period.end)
    previous = compute_figures(
        scope=organisation, start=before.start, end=before.end, now=current.computed_at
    )
    return {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "previous_start": before.start.isoformat(),
        "previous_end": before.end.isoformat(),
        "changes": [c.as_dict() for c in compare(current, previous)],
    }


@router.get(
    "/reports/{organisation_id}/members",
    response=answers({200: list[ReportMemberOut]}, 401, 403, 404),
)
def members(request, organisation_id: int, query: Query[PeriodQuery]):
    """A network's member parks side by side (an empty list for a park)."""
    organisation = _organisation(request, organisation_id)
    period = _period(query)
    if organisation.kind != "network":
        return []
    return [
        {"organisation_id": m.organisation_id, "name": m.name, "country": m.country, **m.values}
        for m in member_rows(organisation, period.start, period.end)
    ]


@router.get(
    "/reports/{organisation_id}/csv/{key}",
    response=answers({200: None}, 401, 403, 404),
    openapi_extra=file_operation(CSV),
)
def table_csv(request, organisation_id: int, key: str, query: Query[PeriodQuery]):
    """A table of the dashboard as CSV: ``headline``, ``members``, ``events``,
    ``agreement_list``, ``delegation_list`` or the key of one of its charts."""
    organisation = _organisation(request, organisation_id)
    period = _period(query)
    table = table_for(build_dashboard(organisation, period), key)
    if table is None:
        raise not_found("table")
    return file_response(as_csv(*table), CSV, csv_name(organisation, key, period))
