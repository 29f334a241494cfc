"""The parties of an agreement as a sentence states them: 'entre A et B', 'between A and B',
'A a signé avec B', 'A et B ont signé'."""

from __future__ import annotations

import re

from maillage.news.extraction.kinds import kind_of, rejected
from maillage.news.extraction.names import NAME_RUN, Mention, clean_name

_RUN = NAME_RUN.pattern
_ART = r"(?:(?:the|le|la|les|l['’])[ \u00a0]*)?"
_SIGN = (
    r"(?:a|ont|have|has|are|started|began|commencent|ont commenc[ée] [àa])?[ \u00a0]*"
    r"(?:sign[ée]s?|signed|signent|signs?|conclu|concluded|renouvel[ée]|renewed|"
    r"n[ée]gocient|n[ée]gocier|negotiating|negotiate|pr[ée]parent|preparing|prepare)"
)
# How a press release names the parties of an agreement: 'entre A et B', 'between A and B',
# 'A a signé avec B', 'A signed a … agreement with B', 'A et B ont signé', 'A and B signed'.
_PARTIES = [
    re.compile(
        rf"\b(?:entre|between)[ \u00a0]+{_ART}(?P<a>{_RUN})[ \u00a0]+(?:et|and)[ \u00a0]+{_ART}(?P<b>{_RUN})"
    ),
    re.compile(
        rf"(?P<a>{_RUN})[ \u00a0]+{_SIGN}[ \u00a0]+(?:[\w\-’' ]{{0,50}}?[ \u00a0]+)?"
        rf"(?:avec|with)[ \u00a0]+{_ART}(?P<b>{_RUN})"
    ),
    re.compile(
        rf"(?P<a>{_RUN})[ \u00a0]+(?:et|and)[ \u00a0]+{_ART}(?P<b>{_RUN})[ \u00a0]+{_SIGN}\b"
    ),
]


def stated_parties(text: str) -> list[tuple[str, str]]:
    """The pairs of names a sentence states as an agreement's parties ('entre A et B')."""
    pairs = []
    for pattern in _PARTIES:
        for m in pattern.finditer(text):
            a, b = clean_name(m.group("a")), clean_name(m.group("b"))
            if a and b:
                pairs.append((a, b))
    return pairs


def agreement_parties(text: str) -> list[Mention]:
    """The names on either side of 'entre … et', 'signed with', '… and … signed' are
    organisations, even with no telling word and untagged by the language model."""
    found = []
    for pattern in _PARTIES:
        for m in pattern.finditer(text):
            for group in ("a", "b"):
                raw = m.group(group)
                name = clean_name(raw)
                if not name or len(name) < 3 or rejected(name):
                    continue
                offset = m.start(group) + raw.find(name)
                found.append(
                    Mention(offset, offset + len(name), name, "pattern", kind_of(name) or "company")
                )
    return found
