"""The facts read in park news (agreements, events, delegations, figures), each with the
sentence it comes from and the words that triggered it, and what the rules for each share:
folded words with their offsets, phrase lookup, the organisations and place of a sentence, its
first date."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from maillage.ecosystem.text import fold
from maillage.news.extraction import places
from maillage.news.extraction.dates import find_dates
from maillage.news.extraction.entities import Organisation


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Fact:
    sentence: Sentence
    span: tuple[int, int]  # the triggering words, as character offsets in the article


@dataclass
class Agreement(Fact):
    parties: list[str] = field(default_factory=list)
    kind: str = "cooperation"
    date: str = ""
    place: str = ""
    covers: str = ""


@dataclass
class Event(Fact):
    name: str = ""
    kind: str = ""
    place: str = ""
    start: str = ""
    end: str = ""
    organisers: list[str] = field(default_factory=list)
    figures: dict[str, int] = field(default_factory=dict)


@dataclass
class Delegation(Fact):
    origin: str = ""
    destination: str = ""
    date: str = ""
    places: list[str] = field(default_factory=list)
    purpose: str = ""


@dataclass
class Figure(Fact):
    value: int = 0
    what: str = ""


@lru_cache(maxsize=50_000)
def fold_word(word: str) -> str:
    return fold(word)


def folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """The folded text of a sentence, word by word, with each folded word's start offset."""
    words, offsets = [], []
    for m in re.finditer(r"[^\W_]+", text):
        for part in fold_word(m.group()).split():
            words.append(part)
            offsets.append(m.start())
    return " ".join(words), offsets


@lru_cache(maxsize=16)
def _phrase_index(phrases: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    """First word -> the phrases starting with it, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(phrase.split())
        index.setdefault(words[0], []).append(words)
    for entries in index.values():
        entries.sort(key=len, reverse=True)
    return index


def phrases_in(folded: str, phrases: dict[str, str]) -> list[tuple[int, int, str]]:
    """(first word, word after, phrase) of every phrase found, longest first, no overlaps."""
    words = folded.split()
    index = _phrase_index(tuple(phrases))
    hits, i = [], 0
    while i < len(words):
        for candidate in index.get(words[i], ()):
            n = len(candidate)
            if tuple(words[i : i + n]) == candidate:
                hits.append((i, i + n, " ".join(candidate)))
                i += n - 1
                break
        i += 1
    return hits


def span_of(sentence: Sentence, offsets: list[int], first: int, after: int) -> tuple[int, int]:
    start = sentence.start + offsets[first]
    end = sentence.start + (offsets[after] if after < len(offsets) else len(sentence.text))
    return start, end


def orgs_in(sentence: Sentence, orgs: list[Organisation]) -> list[Organisation]:
    hits = []
    for org in orgs:
        positions = [m.start for m in org.mentions if sentence.start <= m.start < sentence.end]
        if positions:
            hits.append((min(positions), org))
    return [org for _, org in sorted(hits, key=lambda h: h[0])]


def place_in(sentence: Sentence, skip: set[str]) -> str:
    for m in re.finditer(
        r"\b(?:à|a|in|at|en|au|to)\s+(?P<p>[A-ZÀ-Þ][\w\-’']+(?:[ -][A-ZÀ-Þ][\w\-]+)?)",
        sentence.text,
    ):
        candidate = m.group("p")
        if fold(candidate) in skip:
            continue
        found = places.place(candidate) or places.place(candidate.split()[0])
        if found:
            return found[0] or candidate
    return ""


# 'Évry, 20 January 2025 — …': the day the article was written, not the fact's own date.
_DATELINE = re.compile(r"^[^—–\n.]{2,60}?\b(?:19|20)\d\d\s*[—–]\s*")


def first_date(sentence: Sentence, year: int | None) -> tuple[str, str]:
    """The sentence's first date, after its dateline when it has one and another date."""
    dates = find_dates(sentence.text, default_year=year)
    if dateline := _DATELINE.match(sentence.text):
        dates = [d for d in dates if d.begin >= dateline.end()] or dates
    return (dates[0].start, dates[0].end) if dates else ("", "")
