"""Reading park news: from an article's text to the organisations, agreements, events,
delegations and figures it states. Pure Python over spaCy; the directory comes in as a
Gazetteer (an empty one is valid), so the command line runs without any data.

    extract(text, gazetteer=Gazetteer()) -> Extraction
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from maillage.news.extraction import agreements, events, facts, figures, missions
from maillage.news.extraction.dates import find_dates
from maillage.news.extraction.entities import Organisation, organisations
from maillage.news.extraction.gazetteer import Gazetteer
from maillage.news.extraction.language import NoText, UnsupportedLanguage, detect, word_count
from maillage.news.extraction.linking import Link, link
from maillage.news.extraction.pipelines import pipeline

# Bumped whenever extraction changes what it finds: stored articles say which version read them.
VERSION = "1"

__all__ = [
    "VERSION",
    "Extraction",
    "Gazetteer",
    "NoText",
    "UnsupportedLanguage",
    "extract",
    "extract_many",
]


@dataclass
class Extraction:
    language: str
    words: int
    organisations: list[Organisation] = field(default_factory=list)
    links: dict[str, Link | None] = field(default_factory=dict)  # organisation name -> link
    agreements: list[facts.Agreement] = field(default_factory=list)
    events: list[facts.Event] = field(default_factory=list)
    delegations: list[facts.Delegation] = field(default_factory=list)
    figures: list[facts.Figure] = field(default_factory=list)
    sentences: list[facts.Sentence] = field(default_factory=list)

    def as_json(self, *, explain: bool = False) -> dict:
        def sentence(fact) -> dict:
            return {
                "sentence": fact.sentence.text,
                "span": [fact.span[0] - fact.sentence.start, fact.span[1] - fact.sentence.start],
            }

        orgs = []
        for org in self.organisations:
            row = {"name": org.name, "kind": org.kind, "country": org.country}
            if explain:
                found = self.links.get(org.name)
                row |= {
                    "city": org.city,
                    "names": org.names,
                    "same_as": {
                        "id": found.entry.id,
                        "name": found.entry.name,
                        "score": round(found.score, 2),
                    }
                    if found
                    else None,
                }
            orgs.append(row)
        data = {
            "language": self.language,
            "organisations": orgs,
            "agreements": [
                {"parties": a.parties, "kind": a.kind, "date": a.date}
                | ({"place": a.place, "covers": a.covers} | sentence(a) if explain else {})
                for a in self.agreements
            ],
            "events": [
                {"name": e.name, "kind": e.kind, "place": e.place, "start": e.start}
                | (
                    {"end": e.end, "organisers": e.organisers, "figures": e.figures} | sentence(e)
                    if explain
                    else {}
                )
                for e in self.events
            ],
            "delegations": [
                {"from": d.origin, "to": d.destination, "date": d.date}
                | ({"places": d.places} | sentence(d) if explain else {})
                for d in self.delegations
            ],
        }
        if explain:
            data["figures"] = [
                {"value": f.value, "what": f.what} | sentence(f) for f in self.figures
            ]
        return data


def _lead(orgs: list[Organisation]) -> Organisation | None:
    """The organisation the article is by or about: the first park or network it names."""
    for org in orgs:
        if org.kind in {"park", "network"}:
            return org
    return orgs[0] if orgs else None


def _sentences(doc) -> list[facts.Sentence]:
    """spaCy's sentences, cut again at line breaks: a title has no full stop."""
    found = []
    for sentence in doc.sents:
        start = sentence.start_char
        for line in re.split(r"(\n+)", sentence.text):
            if line.strip() and not line.startswith("\n"):
                found.append(facts.Sentence(start, start + len(line), line))
            start += len(line)
    return found


def _year_of(text: str) -> int | None:
    """The article's year when none is given: that of its first full date (its dateline)."""
    for found in find_dates(text[:2000]):
        return int(found.start[:4])
    return None


def _read(doc, gazetteer: Gazetteer, language: str, year: int | None) -> Extraction:
    year = year or _year_of(doc.text)
    orgs = organisations(doc, gazetteer)
    sentences = _sentences(doc)
    lead = _lead(orgs)
    return Extraction(
        language=language,
        words=word_count(doc.text),
        organisations=orgs,
        links={o.name: link(o.names, gazetteer, country=o.country) for o in orgs},
        agreements=agreements.agreements(sentences, orgs, lead=lead, year=year),
        events=events.events(sentences, orgs, year=year),
        delegations=missions.delegations(sentences, orgs, lead=lead, year=year),
        figures=figures.figures(sentences),
        sentences=sentences,
    )


def extract(
    text: str,
    *,
    gazetteer: Gazetteer | None = None,
    language: str | None = None,
    year: int | None = None,
) -> Extraction:
    """Everything an article states. NoText or UnsupportedLanguage when it cannot be read."""
    language = language or detect(text)
    if language not in ("fr", "en"):
        raise UnsupportedLanguage(language)
    return _read(
        pipeline(language)(text),
        gazetteer if gazetteer is not None else Gazetteer(),
        language,
        year,
    )


def extract_many(texts, *, gazetteer: Gazetteer | None = None, year: int | None = None):
    """extract() for many articles at once: spaCy reads them in batches (about twice as fast
    for press releases of a few hundred words). Yields an Extraction, or the NoText or
    UnsupportedLanguage error, for each text in order."""
    gazetteer = gazetteer if gazetteer is not None else Gazetteer()
    results: list = [None] * len(texts)
    by_language: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        try:
            by_language.setdefault(detect(text), []).append(i)
        except (NoText, UnsupportedLanguage) as exc:
            results[i] = exc
    for language, indexes in by_language.items():
        docs = pipeline(language).pipe((texts[i] for i in indexes), batch_size=32)
        for i, doc in zip(indexes, docs, strict=True):
            results[i] = _read(doc, gazetteer, language, year)
    return results
