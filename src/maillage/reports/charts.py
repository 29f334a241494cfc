"""The reports' charts as Vega-Lite specifications, built from ``Figures``.

Each chart is a plain function from Figures to a ``Chart``: its Vega-Lite spec (a dict, the
data inlined), and the same data as a table (columns and rows) that pages show beside the chart
and offer as CSV. The dashboard draws the specs in the browser with the vendored vega-embed;
the yearly report draws the very same specs as SVG on the server with ``render_svg``
(vl-convert, no browser needed), since WeasyPrint runs no JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass

import vl_convert
from django.utils.translation import gettext as _

from maillage.events.enums import EventKind
from maillage.partnerships.enums import AgreementKind
from maillage.reports.figures.types import Figures

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
COLOUR = "#0d6efd"
WIDTH = 420
HEIGHT = 220


@dataclass(frozen=True)
class Chart:
    key: str  # also the CSV file's name
    title: str
    spec: dict
    columns: tuple[str, ...]
    rows: tuple[tuple, ...]

    @property
    def spec_id(self) -> str:
        return f"chart-spec-{self.key}"

    @property
    def is_empty(self) -> bool:
        return not any(any(isinstance(v, int | float) and v for v in row) for row in self.rows)


def _bars(
    title: str,
    values: list[dict],
    *,
    category: str,
    value: str,
    horizontal: bool = False,
    sort: bool = False,
) -> dict:
    cat = {
        "field": "category",
        "type": "nominal",
        "title": category,
        "sort": "-x" if (sort and horizontal) else None,
        "axis": {"labelLimit": 220}
        if horizontal
        else {"labelAngle": 0 if len(values) < 6 else -45},
    }
    num = {
        "field": "value",
        "type": "quantitative",
        "title": value,
        "axis": {"tickMinStep": 1, "format": "d"},
    }
    return {
        "$schema": SCHEMA,
        "title": title,
        "width": WIDTH - 160 if horizontal else WIDTH,
        "height": max(HEIGHT, 22 * len(values)) if horizontal else HEIGHT,
        "data": {"values": values},
        "mark": {"type": "bar", "color": COLOUR, "tooltip": True},
        "encoding": {"y": cat, "x": num} if horizontal else {"x": cat, "y": num},
    }


def _simple(key, title, category, value, pairs, *, horizontal=False, sort=False) -> Chart:
    values = [{"category": label, "value": number} for label, number in pairs]
    spec = _bars(title, values, category=category, value=value, horizontal=horizontal, sort=sort)
    return Chart(key, title, spec, (category, value), tuple((c, v) for c, v in pairs))


def events_by_month(figures: Figures) -> Chart:
    return _simple(
        "events_by_month",
        _("Events per month"),
        _("Month"),
        _("Events"),
        [(row.label, row.value) for row in figures.events.by_month],
    )


def _every_choice(rows, choices) -> list[tuple[str, int]]:
    """(label, count) for every choice of an enum, zero where ``rows`` has none."""
    counts = {row.code: row.value for row in rows}
    return [(str(label), counts.get(value, 0)) for value, label in choices]


def events_by_kind(figures: Figures) -> Chart:
    return _simple(
        "events_by_kind",
        _("Events by kind"),
        _("Kind"),
        _("Events"),
        _every_choice(figures.events.by_kind, EventKind.choices),
        horizontal=True,
    )


def meetings_funnel(figures: Figures) -> Chart:
    m = figures.meetings
    pairs = [
        (_("Requested"), m.requested),
        (_("Scheduled"), m.scheduled),
        (_("Held"), m.held),
    ]
    chart = _simple("meetings", _("B2B meetings"), _("Meeting stage"), _("Meetings"), pairs)
    chart.spec["encoding"]["x"]["sort"] = [label for label, _n in pairs]
    return chart


def feedback_outcomes(figures: Figures) -> Chart:
    total = figures.feedback.answers
    values = [
        {
            "category": row.label,
            "value": row.value,
            "share": round(100.0 * row.value / total, 1) if total else 0.0,
        }
        for row in figures.feedback.outcomes
    ]
    title = _("Feedback on meetings")
    spec = _bars(title, values, category=_("Outcome"), value=_("Answers"), horizontal=True)
    spec["encoding"]["y"]["sort"] = [v["category"] for v in values]
    return Chart(
        "feedback",
        title,
        spec,
        (_("Outcome"), _("Answers"), _("Share of answers (%)")),
        tuple((v["category"], v["value"], v["share"]) for v in values),
    )


def agreements_by_kind(figures: Figures) -> Chart:
    return _simple(
        "agreements",
        _("Agreements signed, by kind"),
        _("Kind"),
        _("Agreements"),
        _every_choice(figures.agreements.signed_by_kind, AgreementKind.choices),
        horizontal=True,
    )


def softlanding_pipeline(figures: Figures) -> Chart:
    return _simple(
        "softlanding",
        _("Soft-landing applications of the period, by status"),
        _("Status"),
        _("Applications"),
        [(row.label, row.value) for row in figures.softlanding.by_status],
        horizontal=True,
    )


def directory_by_sector(figures: Figures) -> Chart:
    return _simple(
        "directory",
        _("Organisations added, by filière"),
        _("Filière"),
        _("Organisations"),
        [(row.label, row.value) for row in figures.directory.by_sector],
        horizontal=True,
        sort=True,
    )


def countries(figures: Figures) -> Chart:
    """Countries reached, one stacked bar each: agreements, delegations and participants."""
    sources = [(_("Agreements"), "agreements"), (_("Delegations"), "delegations")]
    sources.append((_("Participants"), "participants"))
    values = [
        {"category": c.name, "source": label, "value": getattr(c, attr)}
        for c in figures.countries
        for label, attr in sources
        if getattr(c, attr)
    ]
    title = _("Countries reached")
    spec = _bars(title, values, category=_("Country"), value=_("Links"), horizontal=True)
    spec["mark"].pop("color")
    spec["encoding"]["color"] = {"field": "source", "type": "nominal", "title": _("Through")}
    spec["height"] = max(HEIGHT, 22 * len(figures.countries))
    columns = (_("Country"), _("Code"), *(label for label, _a in sources))
    rows = tuple(
        (c.name, c.code, *(getattr(c, attr) for _l, attr in sources)) for c in figures.countries
    )
    return Chart("countries", title, spec, columns, rows)


CHARTS = (
    events_by_month,
    events_by_kind,
    meetings_funnel,
    feedback_outcomes,
    agreements_by_kind,
    countries,
    softlanding_pipeline,
    directory_by_sector,
)


def all_charts(figures: Figures) -> list[Chart]:
    """Every chart of the dashboard, in the order of the page."""
    return [build(figures) for build in CHARTS]


def chart_by_key(figures: Figures, key: str) -> Chart | None:
    return next((c for c in all_charts(figures) if c.key == key), None)


def render_svg(spec: dict) -> str:
    """The chart drawn as an SVG document, on the server (vl-convert, bundled Vega)."""
    return vl_convert.vegalite_to_svg(spec, vl_version="6.4")
