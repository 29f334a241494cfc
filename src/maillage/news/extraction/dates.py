"""Dates as park news write them, in French and English: '2 juillet 2025', 'du 15 au 19
septembre 2025', 'September 15-19, 2025', 'mardi 8 juillet', 'January 2026', '2025-07-02'.

A date without a year takes the article's year. Results are ISO strings: '2025-07-02' for a
day, '2025-09' for a month alone."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "janvier": 1,
    "fevrier": 2,
    "février": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "aout": 8,
    "août": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "decembre": 12,
    "décembre": 12,
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_M = "|".join(sorted(MONTHS, key=len, reverse=True))
_D = r"(?:1er|1st|2nd|3rd|\d{1,2})(?:st|nd|rd|th)?"
_Y = r"(?:19|20)\d{2}"
_DASH = r"\s*(?:-|–|—|au|to|and|et|/)\s*"

# Order matters: ranges before single days, days before months alone.
PATTERNS = [
    ("iso", re.compile(rf"\b(?P<y>{_Y})-(?P<m>\d{{2}})-(?P<d>\d{{2}})\b")),
    (
        "range_dm",
        re.compile(
            rf"\b(?P<d>{_D}){_DASH}(?P<d2>{_D})\s+(?P<mon>{_M})\.?(?:\s+(?P<y>{_Y}))?\b", re.I
        ),
    ),
    (
        "range_md",
        re.compile(
            rf"\b(?P<mon>{_M})\.?\s+(?P<d>{_D}){_DASH}(?P<d2>{_D}),?(?:\s+(?P<y>{_Y}))?\b", re.I
        ),
    ),
    ("dm", re.compile(rf"\b(?P<d>{_D})\s+(?P<mon>{_M})\.?(?:,?\s+(?P<y>{_Y}))?\b", re.I)),
    ("md", re.compile(rf"\b(?P<mon>{_M})\.?\s+(?P<d>{_D})(?:,\s*|\s+)(?P<y>{_Y})\b", re.I)),
    ("md_noyear", re.compile(rf"\b(?P<mon>{_M})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)\b", re.I)),
    ("month", re.compile(rf"\b(?P<mon>{_M})\s+(?P<y>{_Y})\b", re.I)),
    # 'in November', 'en novembre': a month alone, of the article's year
    (
        "month_noyear",
        re.compile(rf"\b(?:in|en|au mois de)\s+(?P<mon>{_M})\b(?![ \u00a0]*\d)", re.I),
    ),
    ("dmy_num", re.compile(rf"\b(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>{_Y})\b")),
]
_AMBIGUOUS_EN = {"may", "mar", "jan", "jun", "jul", "oct", "dec", "nov", "sep", "aug", "apr"}


@dataclass(frozen=True)
class FoundDate:
    start: str
    end: str
    begin: int  # character offsets in the text searched
    finish: int


def _day(value: str) -> int:
    return int(re.match(r"\d+", value).group())


def _iso(year: int, month: int, day: int | None) -> str | None:
    try:
        return dt.date(year, month, day).isoformat() if day else f"{year:04d}-{month:02d}"
    except ValueError:
        return None


def find_dates(text: str, *, default_year: int | None = None) -> list[FoundDate]:
    """Every date in `text`, left to right, never two overlapping."""
    taken: list[tuple[int, int]] = []
    found: list[FoundDate] = []
    for _name, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            groups = m.groupdict()
            mon = groups.get("mon")
            if mon and mon.lower() in _AMBIGUOUS_EN and not mon[0].isupper():
                continue  # 'may', 'mar' as ordinary words
            month = MONTHS[mon.lower()] if mon else int(groups["m"])
            year = int(groups["y"]) if groups.get("y") else default_year
            if year is None or not 1 <= month <= 12:
                continue
            day = _day(groups["d"]) if groups.get("d") else None
            start = _iso(year, month, day)
            if start is None:
                continue
            end = start
            if groups.get("d2"):
                end = _iso(year, month, _day(groups["d2"])) or start
            taken.append((m.start(), m.end()))
            found.append(FoundDate(start, end, m.start(), m.end()))
    return sorted(found, key=lambda f: f.begin)
