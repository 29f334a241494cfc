"""What a name says of itself: the kind its words tell ('Université …' a university, '…
Science Park' a park), whether it has a telling word at all, and whether it is no
organisation's name (an event's, a place's, a person's)."""

from __future__ import annotations

import re
from functools import lru_cache

from maillage.ecosystem.text import fold
from maillage.news.extraction import places
from maillage.news.extraction.cues import EVENT_CUES
from maillage.news.extraction.vocabulary import KIND_CUES, NOT_NAMES

_CUE_WORDS = {w for _, words in KIND_CUES for w in words}
_STRONG_CUES = _CUE_WORDS - {
    "innovation",
    "center",
    "centre",
    "data",
    "bio",
    "lab",
    "sa",
    "group",
    "groupe",
    "energy",
    "medical",
    "capital",
    "city of",
}
_KIND_SETS = [(kind, frozenset(words)) for kind, words in KIND_CUES]
_STRONG, _ALL = frozenset(_STRONG_CUES), frozenset(_CUE_WORDS)
_MULTIWORD = {
    cues: [c for c in cues if " " in c] for cues in [_STRONG, _ALL] + [w for _, w in _KIND_SETS]
}
# Words that make a capitalised run an event's or a programme's name, not an organisation's.
_EVENT_WORDS = {k for k in EVENT_CUES if " " not in k} | {
    "edition",
    "days",
    "meetings",
    "week",
    "semaine",
    "convention",
    "expo",
    "usa",
    "prix",
    "award",
    "awards",
    "trophees",
}


def _contains(folded: str, cues: frozenset[str]) -> bool:
    """Whether a folded name holds one of the cues (single words or phrases)."""
    words = folded.split()
    if cues.intersection(words):
        return True
    if "pole" in cues and any(
        len(w) > 6 and w.endswith("pole") and not w.endswith("metropole") for w in words
    ):
        return True  # 'Atlanpole', 'Lyonbiopôle': a park's name made on 'pôle' (not 'Métropole')
    if "park" in cues and any(len(w) > 6 and w.endswith(("park", "parc")) for w in words):
        return True  # 'Taguspark', 'Technoparc': a park's name made on 'park'
    padded = f" {folded} "
    return any(f" {c} " in padded for c in _MULTIWORD[cues])


@lru_cache(maxsize=20_000)
def kind_of(name: str) -> str:
    """The kind a name says it is ('Université …' a university), '' when it says nothing."""
    folded = fold(name)
    for kind, words in _KIND_SETS:
        if _contains(folded, words):
            return kind
    return ""


@lru_cache(maxsize=20_000)
def has_cue(name: str, strong: bool = True) -> bool:
    return _contains(fold(name), _STRONG if strong else _ALL)


def is_event_name(name: str) -> bool:
    words = fold(name).split()
    return bool(set(words) & _EVENT_WORDS) or "12 14" in " ".join(words)


def rejected(name: str, label: str = "") -> bool:
    key = fold(name)
    if len(key) < 2 or key in NOT_NAMES or key.isdigit() or not re.search(r"[A-Za-zÀ-ÿ]", name):
        return True
    if not name[0].isupper() and not name[0].isdigit():
        return True
    if is_event_name(name):
        return True
    if places.place(name) and not has_cue(name):
        return True
    return label in {"PER", "PERSON"} and not has_cue(name, strong=False)
