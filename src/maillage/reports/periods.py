"""Reporting periods: a closed range of calendar days [start, end] in the platform's time zone.

A datetime belongs to the period when its local date (settings.TIME_ZONE) is between start and
end included; ``bounds()`` gives the half-open range of aware datetimes that matches that rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

# The longest period a report covers; longer ranges are refused (they are typos, usually).
MAX_DAYS = 366 * 10


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError(
                _("The period ends before it starts; give an end date after the start date.")
            )
        if (self.end - self.start).days >= MAX_DAYS:
            raise ValidationError(_("The period is longer than ten years; choose a shorter one."))

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def is_calendar_year(self) -> bool:
        return (
            self.start.month == 1
            and self.start.day == 1
            and self.end == dt.date(self.start.year, 12, 31)
        )

    def bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """[first instant, first instant after the period) as aware datetimes."""
        zone = timezone.get_default_timezone()
        first = dt.datetime.combine(self.start, dt.time.min, tzinfo=zone)
        after = dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
        return first, after

    def previous(self) -> Period:
        return previous_period(self.start, self.end)

    def label(self) -> str:
        if self.is_calendar_year:
            return str(self.start.year)
        return f"{self.start.isoformat()} – {self.end.isoformat()}"


def previous_period(start: dt.date, end: dt.date) -> Period:
    """The period just before: the previous calendar year for a calendar year, else the same
    number of days ending the day before ``start``."""
    period = Period(start, end)
    if period.is_calendar_year:
        return Period.year(start.year - 1)
    length = dt.timedelta(days=period.days)
    return Period(start - length, start - dt.timedelta(days=1))


def parse_period(
    *, year: str | None = None, start: str | None = None, end: str | None = None, today=None
) -> Period:
    """The period asked for in a query string: ``start`` and ``end`` (ISO dates) win over
    ``year``; nothing given means the current calendar year. Raises ValidationError with a
    sentence saying what to fix."""
    today = today or timezone.localdate()
    if start or end:
        if not (start and end):
            raise ValidationError(_("Give both a start date and an end date, or a year."))
        try:
            first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        except ValueError as exc:
            raise ValidationError(
                _("Dates are written as YYYY-MM-DD, for example 2025-01-31.")
            ) from exc
        return Period(first, last)
    if year:
        try:
            number = int(year)
        except ValueError as exc:
            raise ValidationError(_("The year is a number such as 2025.")) from exc
        if not 1900 <= number <= 2200:
            raise ValidationError(_("Choose a year between 1900 and 2200."))
        return Period.year(number)
    return Period.year(today.year)
