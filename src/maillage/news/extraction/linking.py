"""Same-as: which directory entry an organisation found in the news is, with a score, or none.

Scores: 1.0 same name, 0.95 same alias, 0.85 same acronym, below that a fuzzy likeness of the
names (the same words, a word more or less). A name that differs only by accents, case, a
leading article or a legal form is the same name here, so accepting it never makes a second
directory entry."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from maillage.news.extraction.gazetteer import Entry, Gazetteer, acronym, name_key

SAME_AS_THRESHOLD = 0.8  # at or above: proposed as "the same as"; below: proposed as new


@dataclass(frozen=True)
class Link:
    entry: Entry
    score: float
    reason: str  # name / alias / acronym / similar


def _likeness(a: str, b: str) -> float:
    wa, wb = set(a.split()), set(b.split())
    if not wa or not wb:
        return 0.0
    overlap = len(wa & wb) / max(len(wa), len(wb))
    return max(overlap, SequenceMatcher(None, a, b).ratio()) if overlap else 0.0


def link(names, gazetteer: Gazetteer, *, country: str = "") -> Link | None:
    """The best entry for an organisation written as any of `names` (None: a new one)."""
    best: Link | None = None

    def consider(ids, score, reason):
        nonlocal best
        for entry_id in sorted(ids):
            entry = gazetteer.entries[entry_id]
            bonus = 0.02 if country and entry.country == country else 0.0
            if best is None or score + bonus > best.score:
                best = Link(entry, min(1.0, score + bonus), reason)

    for written in names:
        key = name_key(written)
        for entry_id in gazetteer.lookup(key):
            entry = gazetteer.entries[entry_id]
            exact = name_key(entry.name) == key
            consider({entry_id}, 1.0 if exact else 0.95, "name" if exact else "alias")
        compact = key.replace(" ", "")
        if written.isupper() and 2 < len(compact) <= 8:
            consider(gazetteer.lookup_acronym(compact), 0.85, "acronym")
        if (initials := acronym(written)) and initials in gazetteer.terms:
            consider(gazetteer.lookup(initials), 0.85, "acronym")
    if best is not None and best.score >= 0.85:
        return best
    # Fuzzy pass: only entries sharing a word of four letters or more with the name.
    words = {w for n in names for w in name_key(n).split() if len(w) >= 4}
    if not words or len(gazetteer) == 0:
        return best
    for entry_id in gazetteer.sharing_a_word(words):
        entry = gazetteer.entries[entry_id]
        score = (
            max(
                _likeness(name_key(n), name_key(t))
                for n in names
                for t in (entry.name, *entry.aliases)
            )
            * 0.9
        )
        consider({entry_id}, score, "similar")
    return best
