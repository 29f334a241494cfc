"""What the dashboard shows for a scope and a period, and the tables it offers as CSV.

The request's parameters (``organisation``, and ``year`` or ``start``/``end``) are read by
``read_request``, which also checks that the user may see the organisation's report.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from maillage.core import spreadsheets
from maillage.ecosystem.models import Organisation
from maillage.events.enums import EventKind
from maillage.partnerships.enums import AgreementKind, AgreementStatus, DelegationDirection
from maillage.reports import charts as chart_specs
from maillage.reports.comparison import Change, compare
from maillage.reports.figures import Figures, compute_figures
from maillage.reports.members import MemberRow, member_labels, member_rows
from maillage.reports.periods import Period, parse_period
from maillage.reports.scopes import REPORTED_KINDS, visible_scopes


@dataclass
class Dashboard:
    organisation: Organisation
    period: Period
    figures: Figures
    previous: Figures
    changes: list[Change]
    charts: list[chart_specs.Chart]
    members: list[MemberRow]

    @property
    def member_columns(self) -> list[tuple[str, str]]:
        return member_labels()


def read_request(user, params) -> tuple[Organisation, Period]:
    """The organisation and period asked for. Raises PermissionDenied when the user may not see
    that organisation's report, ValidationError (a sentence) for a bad period or organisation."""
    period = parse_period(year=params.get("year"), start=params.get("start"), end=params.get("end"))
    raw = params.get("organisation")
    if raw:
        try:
            organisation = Organisation.objects.get(pk=int(raw), kind__in=REPORTED_KINDS)
        except (ValueError, Organisation.DoesNotExist) as exc:
            raise ValidationError(_("There is no park or network with this number.")) from exc
    else:
        organisation = visible_scopes(user).first()
        if organisation is None:
            raise PermissionDenied(
                _("Reports are for the staff of a park or a network; you are not one of them.")
            )
    if not user.has_perm("reports.view_report", organisation):
        raise PermissionDenied(
            _("You may only see the reports of the parks and networks you work for.")
        )
    return organisation, period


def build_dashboard(organisation: Organisation, period: Period) -> Dashboard:
    figures = compute_figures(scope=organisation, start=period.start, end=period.end)
    before = period.previous()
    previous = compute_figures(
        scope=organisation, start=before.start, end=before.end, now=figures.computed_at
    )
    members = (
        member_rows(organisation, period.start, period.end, now=figures.computed_at)
        if figures.kind == "network"
        else []
    )
    return Dashboard(
        organisation=organisation,
        period=period,
        figures=figures,
        previous=previous,
        changes=compare(figures, previous),
        charts=chart_specs.all_charts(figures),
        members=members,
    )


def headline_table(dashboard: Dashboard) -> tuple[list[str], list[tuple]]:
    columns = [
        _("Figure"),
        dashboard.period.label(),
        dashboard.period.previous().label(),
        _("Difference"),
        _("Change (%)"),
    ]
    rows = [
        (c.label, c.current, c.previous, c.difference, "" if c.percent is None else c.percent)
        for c in dashboard.changes
    ]
    return columns, rows


def members_table(dashboard: Dashboard) -> tuple[list[str], list[tuple]]:
    labels = member_labels()
    columns = [_("Park"), _("Country")] + [label for _key, label in labels]
    rows = [(m.name, m.country, *(m.values[key] for key, _l in labels)) for m in dashboard.members]
    return columns, rows


def lists_tables(dashboard: Dashboard) -> dict[str, tuple[list[str], list[tuple]]]:
    """The events, agreements and delegations of the period, with words for their codes."""
    f = dashboard.figures

    def day(value) -> str:
        return value.isoformat() if value else ""

    events = [
        (e.title, label(EventKind, e.kind), day(e.starts_at.date()), e.city, e.country)
        + (e.participants, e.meetings_scheduled)
        for e in f.event_lines
    ]
    agreements = [
        (a.title, label(AgreementKind, a.kind), label(AgreementStatus, a.status))
        + (day(a.signed_on), day(a.ends_on), "; ".join(a.partners), " ".join(a.countries))
        for a in f.agreements.agreements
    ]
    delegations = [
        (d.title, label(DelegationDirection, d.direction), day(d.starts_on), day(d.ends_on))
        + (" ".join(d.countries),)
        for d in f.delegations.delegations
    ]
    return {
        "events": (
            [_("Event"), _("Kind"), _("Starts on"), _("City"), _("Country")]
            + [_("Participants"), _("Meetings scheduled")],
            events,
        ),
        "agreement_list": (
            [_("Agreement"), _("Kind"), _("Status"), _("Signed on"), _("Ends on")]
            + [_("Partners"), _("Countries")],
            agreements,
        ),
        "delegation_list": (
            [_("Delegation"), _("Direction"), _("Starts on"), _("Ends on"), _("Countries")],
            delegations,
        ),
    }


def label(choices, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def table_for(dashboard: Dashboard, key: str) -> tuple[list[str], list[tuple]] | None:
    """The table behind a chart, the headline figures, the member parks or a list, by key."""
    if key == "headline":
        return headline_table(dashboard)
    if key == "members":
        return members_table(dashboard) if dashboard.members else None
    lists = lists_tables(dashboard)
    if key in lists:
        return lists[key]
    chart = next((c for c in dashboard.charts if c.key == key), None)
    if chart is None:
        return None
    return list(chart.columns), list(chart.rows)


def csv_name(organisation: Organisation, key: str, period: Period) -> str:
    """The file name of a table's CSV: the organisation, the table, the period."""
    start, end = period.start.isoformat(), period.end.isoformat()
    return f"{slugify(organisation.name)}-{key}-{start}-{end}.csv"


def as_csv(columns, rows) -> str:
    out = io.StringIO()
    writer = spreadsheets.csv_writer(out)  # no cell runs as a formula
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()
