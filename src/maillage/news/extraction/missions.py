"""Delegations and missions in park news: who visits whom ("une délégation du Life Innovation
Center a visité Genopole", "a delegation from Zhongguancun toured…"), when, and where."""

from __future__ import annotations

import re

from maillage.ecosystem.text import fold
from maillage.news.extraction import places
from maillage.news.extraction.cues import DELEGATION_CUES, DELEGATION_HOST_VERBS
from maillage.news.extraction.entities import Organisation
from maillage.news.extraction.facts import (
    Delegation,
    first_date,
    folded_with_offsets,
    orgs_in,
    span_of,
)
from maillage.news.extraction.names import NAME_RUN, clean_name

_FROM = re.compile(
    r"\b(?:d[ée]l[ée]gations?|missions?|visite)\s+(?:[\w\-]+\s+){0,3}?(?:de\s+l['’]|de\s+la\s+|du\s+|des\s+|de\s+|d['’]|from\s+(?:the\s+)?)(?P<x>[A-ZÀ-Þ][^,.;()]*)",
    re.I,
)
_BEFORE = re.compile(
    r"(?P<x>(?:[A-ZÀ-Þ][\w\-’'|]*\s+){1,5})(?:business\s+|trade\s+|official\s+)?delegation", re.U
)
_TO = re.compile(
    r"\b(?:visit(?:ed|s|ing)?|toured|à|au|aux|chez|auprès d[eu]|at|to|in|dans|en|rendue? à|visiter|visité)\s+(?:the\s+|le\s+|la\s+|l['’])?(?P<x>[A-ZÀ-Þ][^,.;()]*)",
    re.I,
)


def _org_or_place_at(text_part: str, orgs: list[Organisation]) -> str:
    part = fold(text_part)
    best = ""
    for org in orgs:
        for n in org.names:
            if part.startswith(fold(n)) and len(n) > len(best):
                best = org.name
    if best:
        return best
    run = NAME_RUN.match(text_part)
    if run:
        words = clean_name(run.group()).split()
        for k in range(len(words), 0, -1):
            if places.place(" ".join(words[:k])):
                return " ".join(words[:k])
    return ""


def delegations(sentences, orgs, *, lead, year) -> list[Delegation]:
    found: list[Delegation] = []
    for sentence in sentences:
        folded, offsets = folded_with_offsets(sentence.text)
        words = folded.split()
        cue = next(
            (
                i
                for i, w in enumerate(words)
                if w in DELEGATION_CUES
                or (
                    w in {"learning", "study"}
                    and i + 1 < len(words)
                    and words[i + 1] in {"expedition", "tour"}
                )
            ),
            None,
        )
        if cue is None:
            continue
        text = sentence.text
        origin = ""
        if m := _FROM.search(text):
            origin = _org_or_place_at(m.group("x"), orgs)
        elif m := _BEFORE.search(text):
            origin = _org_or_place_at(m.group("x").strip(), orgs)
        in_sentence = orgs_in(sentence, orgs)
        destination = ""
        hosts = [
            o
            for o in in_sentence
            if o.name != origin
            and any(
                re.search(
                    rf"{re.escape(n)}[^.]{{0,60}}\b({'|'.join(DELEGATION_HOST_VERBS)})\b",
                    fold(text),
                )
                for n in [fold(x) for x in o.names]
            )
        ]
        if hosts:
            destination = hosts[0].name
        else:
            for m in _TO.finditer(text):
                candidate = _org_or_place_at(m.group("x"), orgs)
                if candidate and candidate != origin:
                    destination = candidate
                    break
        if not destination and lead is not None and lead.name != origin:
            destination = lead.name
        if not origin or not destination or origin == destination:
            continue
        day, _ = first_date(sentence, year)
        org_names = {o.name for o in orgs}
        same = next((d for d in found if fold(d.destination) == fold(destination)), None)
        if same is not None:
            if same.origin not in org_names and origin in org_names:
                same.origin = origin
            same.date = same.date or first_date(sentence, year)[0]
            continue
        visited = [c for c in re.findall(r"[A-ZÀ-Þ][\w\-]+", text) if places.city(c)]
        found.append(
            Delegation(
                sentence=sentence,
                span=span_of(sentence, offsets, cue, cue + 1),
                origin=origin,
                destination=destination,
                date=day,
                places=sorted(set(visited)),
            )
        )
    return found
