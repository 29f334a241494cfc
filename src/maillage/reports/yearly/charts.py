"""The yearly report's charts: the dashboard's Vega-Lite specs (``charts.py``) drawn as SVG on
the server, placed in the section they illustrate. Charts with nothing to show are left out."""

from __future__ import annotations

import base64

from maillage.reports.charts import all_charts, render_svg
from maillage.reports.figures.types import Figures

# chart key -> report section
SECTION_OF = {
    "events_by_month": "events",
    "meetings": "events",
    "feedback": "events",
    "agreements": "partnerships",
    "softlanding": "softlanding",
    "directory": "directory",
    "countries": "countries",
}


def charts_as_svg(figures: Figures) -> dict[str, list[dict]]:
    """section key -> [{"key", "title", "src"}]; ``src`` is the SVG as a data URI, so that the
    page and WeasyPrint show it as an image (nothing in it runs in the page)."""
    out: dict[str, list[dict]] = {}
    for chart in all_charts(figures):
        section = SECTION_OF.get(chart.key)
        if section is None or chart.is_empty:
            continue
        svg = render_svg(chart.spec)
        src = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
        out.setdefault(section, []).append({"key": chart.key, "title": chart.title, "src": src})
    return out
