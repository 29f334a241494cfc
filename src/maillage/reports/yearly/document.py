"""The yearly report as a document: its content built from ``compute_figures`` for the year and
the year before, rendered in the report's own language as HTML (the preview) and as PDF
(WeasyPrint, the same HTML with print styles; charts are SVG drawn on the server since
WeasyPrint runs no JavaScript).
"""

from __future__ import annotations

import base64
import datetime as dt

from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.safestring import SafeString, mark_safe

from maillage.ecosystem.countries import country_name
from maillage.ecosystem.enums import OrganisationKind
from maillage.events.enums import EventKind
from maillage.partnerships.enums import AgreementKind, AgreementStatus, DelegationDirection
from maillage.reports.comparison import POINT_FIGURES, Change, compare
from maillage.reports.figures import Figures, compute_figures
from maillage.reports.members import member_labels, member_rows
from maillage.reports.models import SECTIONS, YearlyReport
from maillage.reports.periods import Period
from maillage.reports.yearly.charts import charts_as_svg


def change_text(change: Change) -> str:
    """How a change reads in the report: "+25 %", "−1.5" (points for shares), "new" or ""."""
    if change.is_new and change.key not in POINT_FIGURES:
        return translation.gettext("new")
    if change.percent is not None:
        value, places = round(change.percent), 0
    elif change.difference and change.key in POINT_FIGURES:
        value, places = change.difference, 1
    else:
        return ""
    if not value:
        return "0 %"
    sign = "+" if value > 0 else "−"
    number = formats.number_format(abs(value), places, use_l10n=True)
    return f"{sign}{number} %" if places == 0 else f"{sign}{number}"


def _labelled(figures: Figures) -> dict:
    """The lists of the year with their codes turned into words of the current language."""
    return {
        "events": [
            {
                "line": e,
                "kind": EventKind(e.kind).label if e.kind in EventKind.values else e.kind,
                "country": country_name(e.country) if e.country else "",
            }
            for e in figures.event_lines
        ],
        "agreements": [
            {
                "line": a,
                "kind": AgreementKind(a.kind).label,
                "status": AgreementStatus(a.status).label,
            }
            for a in figures.agreements.agreements
        ],
        "delegations": [
            {
                "line": d,
                "direction": DelegationDirection(d.direction).label,
                "countries": [country_name(c) for c in d.countries],
            }
            for d in figures.delegations.delegations
        ],
    }


def _logo_uri(report: YearlyReport) -> str:
    if not report.logo:
        return ""
    try:
        with report.logo.open("rb") as handle:
            data = handle.read()
    except FileNotFoundError:  # the file went missing: the cover goes without it
        return ""
    mime = "image/png" if data[:8] == b"\x89PNG\r\n\x1a\n" else "image/jpeg"
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


def _charts(figures: Figures) -> dict[str, list[dict]]:
    return charts_as_svg(figures)


def _members(report: YearlyReport, period: Period, now) -> tuple[list, list]:
    """A network's member parks side by side, values in the order of the labels."""
    labels = member_labels()
    rows = member_rows(report.organisation, period.start, period.end, now=now)
    return labels, [
        {"name": r.name, "ordered_values": [r.values[key] for key, _label in labels]} for r in rows
    ]


def build_context(report: YearlyReport, *, now: dt.datetime | None = None) -> dict:
    """Everything the document shows; call it inside the report's language."""
    period = Period.year(report.year)
    previous_period = period.previous()
    figures = compute_figures(
        scope=report.organisation, start=period.start, end=period.end, now=now
    )
    previous = compute_figures(
        scope=report.organisation, start=previous_period.start, end=previous_period.end, now=now
    )
    charts = _charts(figures)
    is_network = report.organisation.kind == OrganisationKind.NETWORK
    labels, members = _members(report, period, now) if is_network else ([], [])
    sections = [
        {
            "key": key,
            "title": str(title),
            "paragraph": report.paragraph(key),
            "charts": charts.get(key, []),
        }
        for key, title in SECTIONS
    ]
    return {
        "report": report,
        "organisation": report.organisation,
        "year": report.year,
        "previous_year": previous_period.start.year,
        "figures": figures,
        "previous": previous,
        "comparison": [{"change": c, "text": change_text(c)} for c in compare(figures, previous)],
        "member_labels": labels,
        "member_rows": members,
        "sections": {s["key"]: s for s in sections},
        "lists": _labelled(figures),
        "logo": _logo_uri(report),
        "printed_on": timezone.localdate(),
    }


def render_html(report: YearlyReport, *, now: dt.datetime | None = None) -> SafeString:
    """The document alone (no page chrome), in the report's language."""
    with translation.override(report.language):
        context = build_context(report, now=now)
        return mark_safe(render_to_string("reports/yearly/_document.html", context))  # noqa: S308


def render_pdf(report: YearlyReport, *, now: dt.datetime | None = None) -> bytes:
    # Imported here, not at the top: loading WeasyPrint takes ~1.8 s and only the worker that
    # renders a PDF needs it, not every web process that imports this module.
    from weasyprint import HTML

    with translation.override(report.language):
        context = build_context(report, now=now)
        html = render_to_string("reports/yearly/pdf.html", context)
    return HTML(string=html).write_pdf()
