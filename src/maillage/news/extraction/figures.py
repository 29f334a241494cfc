"""Figures stated in park news: how many companies, jobs, meetings, participants…."""

from __future__ import annotations

import re

from maillage.ecosystem.text import fold
from maillage.news.extraction.cues import FIGURE_NOUNS, NUMBER_WORDS
from maillage.news.extraction.facts import (
    Figure,
)

_NUMBER = (
    r"(?P<n>\d{1,3}(?:[  .,]\d{3})+|\d+|"
    + "|".join(sorted((w.replace("_", "") for w in NUMBER_WORDS), key=len, reverse=True))
    + r")"
)
_FIGURE = re.compile(
    rf"(?:(?:plus de|more than|over|about|around|environ|près de|some|nearly|près d['’]une?)\s+)?"
    rf"(?:une?\s+)?{_NUMBER}\s*\+?\s+(?:d['’]|de\s+)?(?P<w>[\w\-’' ]{{3,40}})",
    re.I,
)


def figures(sentences) -> list[Figure]:
    found = []
    nouns = sorted(FIGURE_NOUNS, key=len, reverse=True)
    for sentence in sentences:
        for m in _FIGURE.finditer(sentence.text):
            raw = m.group("n").lower()
            if re.fullmatch(r"(19|20)\d{2}", raw):
                continue
            value = NUMBER_WORDS.get(raw.replace(" ", "_")) or NUMBER_WORDS.get(raw)
            if value is None:
                digits = re.sub(r"\D", "", raw)
                if not digits:
                    continue
                value = int(digits)
            following = fold(m.group("w"))
            noun = next((n for n in nouns if following.startswith(n)), None)
            if noun:
                start = sentence.start + m.start()
                found.append(
                    Figure(
                        sentence=sentence,
                        span=(start, sentence.start + m.end()),
                        value=value,
                        what=FIGURE_NOUNS[noun],
                    )
                )
    return found
