"""The shape of an organisation's name in park news: a run of capitalised words joined by
'de', 'of', '&' or a hyphen (NAME_RUN), cleaned of its article and trailing links, and a
mention — such a name found at a place in the text, and how."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CAP = r"(?:[A-ZÀ-ÖØ-Þ0-9][\w’'\-|&.]*[\w|]|[A-ZÀ-ÖØ-Þ])"
_LINK = (
    r"(?:[ \u00a0]+(?:de[ \u00a0]+l['’]|de[ \u00a0]+la|de|du|des|of[ \u00a0]+the|of|for|&|pour|en|d’|d'|l’|l')[ \u00a0]*"
    r"|[ \u00a0]+|-|[ \u00a0]*[|–][ \u00a0]*|’|')"
)
_NEXT = r"(?:[A-ZÀ-ÖØ-Þ][\w’'\-|&.]*[\w|]|[A-Z])"  # words after the first start with a letter
NAME_RUN = re.compile(rf"{_CAP}(?:{_LINK}{_NEXT})*")
_TRAILING_LINK = re.compile(
    r"(?:\s+(?:de|du|des|de la|of|the|for|and|&|et|pour|en|d|l|au|aux|le|la|à|in|at|on))+$", re.I
)
_LEADING = re.compile(r"^(?:(?:the|le|la|les|du|des|de)\s+|[ld]['’]\s*)", re.I)
LIST_NEXT = re.compile(
    r"(?:,\s*|\s+(?:and|et|&)\s+|,\s+(?:and|et)\s+)(?:(?:de|d['’]|the|la|le|l['’])\s*)?(?=[A-ZÀ-Þ])"
)
COORDINATED = re.compile(r"\s+(?:and|et|&)\s+(?:(?:the|le|la|l['’]|de|d['’])\s*)?(?=[A-ZÀ-Þ])")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    source: str  # directory / pattern / ner
    kind: str = ""
    entry_id: int | None = None


def clean_name(value: str) -> str:
    value = value.strip(' \t\n,;:.!?«»"“”()[]')
    value = re.sub(r"['’]s$", "", value)
    previous = None
    while previous != value:
        previous = value
        value = _LEADING.sub("", value).strip()
        value = _TRAILING_LINK.sub("", value).strip(" ,;:-")
    return value
