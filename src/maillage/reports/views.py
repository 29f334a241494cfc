"""The reports dashboard of a park or a network, and its tables as CSV."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render

from maillage.ecosystem.enums import OrganisationKind
from maillage.reports.dashboard import (
    as_csv,
    build_dashboard,
    csv_name,
    lists_tables,
    read_request,
    table_for,
)
from maillage.reports.periods import Period
from maillage.reports.scopes import visible_scopes


@login_required
def dashboard(request):
    scopes = list(visible_scopes(request.user))
    context = {"scopes": scopes, "params": request.GET, "kinds": OrganisationKind}
    try:
        organisation, period = read_request(request.user, request.GET)
    except ValidationError as exc:
        context["error"] = " ".join(exc.messages)
        return render(request, "reports/dashboard.html", context, status=400)
    except PermissionDenied as exc:
        context["error"] = str(exc)
        return render(request, "reports/dashboard.html", context, status=403)
    board = build_dashboard(organisation, period)
    context.update(
        board=board,
        organisation=organisation,
        period=period,
        years=list(range(period.end.year + 1, period.end.year - 6, -1)),
        query=_query(organisation, period),
        lists=lists_tables(board),
        map_points=[
            {
                "code": c.code,
                "name": c.name,
                "lat": c.latitude,
                "lon": c.longitude,
                "agreements": c.agreements,
                "delegations": c.delegations,
                "participants": c.participants,
            }
            for c in board.figures.countries
            if c.latitude is not None
        ],
    )
    return render(request, "reports/dashboard.html", context)


@login_required
def table_csv(request, key: str):
    try:
        organisation, period = read_request(request.user, request.GET)
    except ValidationError as exc:
        return HttpResponse(
            " ".join(exc.messages), status=400, content_type="text/plain; charset=utf-8"
        )
    board = build_dashboard(organisation, period)
    table = table_for(board, key)
    if table is None:
        raise Http404("No such table.")
    name = csv_name(organisation, key, period)
    response = HttpResponse(as_csv(*table), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _query(organisation, period: Period) -> str:
    if period.is_calendar_year:
        return f"organisation={organisation.pk}&year={period.start.year}"
    return f"organisation={organisation.pk}&start={period.start.isoformat()}&end={period.end.isoformat()}"
