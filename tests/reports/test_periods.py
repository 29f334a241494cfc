"""Periods, the previous period and the comparison of headline figures."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from maillage.reports.comparison import change
from maillage.reports.periods import Period, parse_period, previous_period


@pytest.fixture(autouse=True)
def english():
    """The messages are checked in English, whatever an earlier request left active."""
    with translation.override("en"):
        yield


def test_previous_of_a_calendar_year_is_the_year_before():
    assert previous_period(dt.date(2025, 1, 1), dt.date(2025, 12, 31)) == Period.year(2024)


def test_previous_of_a_custom_period_has_the_same_length_and_ends_the_day_before():
    before = previous_period(dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    assert before == Period(dt.date(2025, 1, 29), dt.date(2025, 2, 28))
    assert before.days == 31


def test_bounds_are_local_days():
    first, after = Period.year(2025).bounds()
    assert first.isoformat() == "2025-01-01T00:00:00+01:00"
    assert after.isoformat() == "2026-01-01T00:00:00+01:00"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"year": "twenty"}, "The year is a number such as 2025."),
        ({"year": "1200"}, "Choose a year between 1900 and 2200."),
        ({"start": "2025-01-01"}, "Give both a start date and an end date, or a year."),
        ({"start": "01/02/2025", "end": "2025-03-01"}, "Dates are written as YYYY-MM-DD"),
        ({"start": "2025-03-01", "end": "2025-01-01"}, "The period ends before it starts"),
        ({"start": "2000-01-01", "end": "2025-01-01"}, "longer than ten years"),
    ],
)
def test_bad_periods_say_what_to_fix(params, message):
    with pytest.raises(ValidationError) as info:
        parse_period(**params)
    assert message in " ".join(info.value.messages)


def test_dates_win_over_the_year_and_nothing_means_this_year():
    assert parse_period(year="2020", start="2025-02-01", end="2025-02-28") == Period(
        dt.date(2025, 2, 1), dt.date(2025, 2, 28)
    )
    assert parse_period(today=dt.date(2027, 5, 4)) == Period.year(2027)


def test_change_in_percent_and_from_zero():
    up = change("events_held", 3, 2)
    assert (up.difference, up.percent, up.direction, up.arrow) == (1, 50.0, "up", "↑")
    down = change("participants", 1, 4)
    assert (down.difference, down.percent, down.direction) == (-3, -75.0, "down")
    new = change("agreements_signed", 2, 0)
    assert (new.percent, new.direction, new.is_new) == (None, "up", True)
    nothing = change("agreements_signed", 0, 0)
    assert (nothing.difference, nothing.percent, nothing.direction) == (0, None, "same")


def test_shares_change_in_points_not_percent():
    c = change("cooperation_possible_share", 40.0, 33.3)
    assert (c.difference, c.percent, c.direction) == (6.7, None, "up")
