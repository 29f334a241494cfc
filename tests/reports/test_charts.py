"""Chart specs: valid Vega-Lite drawn on the server, with the figures as their data."""

from __future__ import annotations

import pytest

from maillage.reports.charts import all_charts, chart_by_key, render_svg
from maillage.reports.figures import compute_figures
from tests.reports import dataset
from tests.reports.dataset import NOW, YEAR_END, YEAR_START


@pytest.fixture
def figures(db):
    world = dataset.build()
    return compute_figures(scope=world.park, start=YEAR_START, end=YEAR_END, now=NOW)


def test_every_chart_has_its_data_as_a_table(figures):
    charts = all_charts(figures)
    assert [c.key for c in charts] == [
        "events_by_month",
        "events_by_kind",
        "meetings",
        "feedback",
        "agreements",
        "countries",
        "softlanding",
        "directory",
    ]
    for chart in charts:
        assert chart.spec["data"]["values"], chart.key
        assert all(len(row) == len(chart.columns) for row in chart.rows), chart.key
    feedback = chart_by_key(figures, "feedback")
    assert feedback.rows[-1] == ("Cooperation possible", 1, 33.3)
    kinds = dict(chart_by_key(figures, "events_by_kind").rows)
    assert kinds["Business convention (B2B meetings)"] == 1 and kinds["Seminar or webinar"] == 0
    directory = chart_by_key(figures, "directory")
    assert directory.rows == (("Digital", 2), ("Health", 1), ("No sector", 1))


def test_specs_render_as_svg_on_the_server(figures):
    chart = chart_by_key(figures, "meetings")
    svg = render_svg(chart.spec)
    assert svg.startswith("<svg")
    assert "B2B meetings" in svg and "Requested" in svg


def test_an_empty_chart_says_so(db):
    world = dataset.build()
    empty = compute_figures(
        scope=world.park, start=YEAR_START.replace(year=2010), end=YEAR_END.replace(year=2010)
    )
    assert all(c.is_empty for c in all_charts(empty))
    assert not chart_by_key(
        compute_figures(scope=world.park, start=YEAR_START, end=YEAR_END, now=NOW), "meetings"
    ).is_empty
