"""Agreements in park news, sentence by sentence: twinning, cooperation, soft landing, MoU,
joint programmes, with their stated parties, kind, date and place."""

from __future__ import annotations

import re

from maillage.ecosystem.text import fold
from maillage.news.extraction.cues import AGREEMENT_CUES, AGREEMENT_TRIGGERS, EVENT_CUES
from maillage.news.extraction.entities import Organisation
from maillage.news.extraction.facts import (
    Agreement,
    Sentence,
    first_date,
    folded_with_offsets,
    orgs_in,
    phrases_in,
    place_in,
    span_of,
)
from maillage.news.extraction.parties import stated_parties

# Phrases that name an agreement by themselves; the generic ones need a verb of signature.
STRONG_AGREEMENT_KINDS = {"twinning", "soft_landing", "mou", "joint_programme"}
STRONG_AGREEMENT_PHRASES = {k for k, v in AGREEMENT_CUES.items() if " " in k and v == "cooperation"}


def _stated(text: str, in_sentence: list[Organisation]) -> list[Organisation]:
    """The two parties the sentence names as such ('between A and B', 'A signed with B'),
    not the startups or funders named beside them; [] when it names none."""
    by_name = {fold(n): o for o in in_sentence for n in o.names}
    for a, b in stated_parties(text):
        first, second = by_name.get(fold(a)), by_name.get(fold(b))
        if first and second and first is not second:
            return [first, second]
    return []


# A sentence that goes on about the agreement just named: 'Elle lie A et B', 'Its
# signatories are A and B'.
_REFERS_BACK = re.compile(
    r"^\s*(?:elle|il|celle-ci|celui-ci|le texte|l['’]accord|la convention|ses signataires|"
    r"les signataires|it|its|the text|the agreement|the memorandum|the signatories|they)\b",
    re.I,
)
_BYSTANDERS = {"startup", "funder", "university"}


# Who attends or backs an agreement without being its party: 'en présence de la Région',
# 'supported by the Department for Business and Trade'.
_WITNESS = re.compile(
    r"(?:en pr[ée]sence (?:de|du|des|d['’])|in the presence of|soutenue? par|support[ée]e? par|"
    r"financ[ée]e? par|avec le soutien (?:de|du|des|d['’])|supported by|backed by|funded by|"
    r"with (?:the )?support (?:of|from))[ \u00a0]+(?:(?:the|la|le|les|l['’])[ \u00a0]*)?$",
    re.I,
)


def _parties_in(sentence: Sentence, orgs: list[Organisation]) -> list[Organisation]:
    """The organisations a sentence names, but those only there as witnesses or backers."""
    text = sentence.text
    return [
        o
        for o in orgs_in(sentence, orgs)
        if not all(
            _WITNESS.search(text[max(0, m.start - sentence.start - 40) : m.start - sentence.start])
            for m in o.mentions
            if sentence.start <= m.start < sentence.end
        )
    ]


def _named_next(sentences, index: int, orgs: list[Organisation]) -> list[Organisation]:
    """The parties of an agreement whose sentence names none, when the next sentence names
    them ('Une convention a été signée à Tokyo. Elle lie A et B.'); [] otherwise."""
    if index + 1 >= len(sentences) or not _REFERS_BACK.match(sentences[index + 1].text):
        return []
    following = sentences[index + 1]
    named = orgs_in(following, orgs)
    stated = _stated(following.text, named)
    if stated:
        return stated
    main = [o for o in named if o.kind not in _BYSTANDERS]
    return main if len(main) >= 2 else named if len(named) >= 2 else []


def _in_a_name(text: str, offsets: list[int], hit: tuple[int, int, str]) -> bool:
    """A one-word cue written with a capital inside a sentence is a name's word ('the BIO
    International Convention'), not an agreement."""
    first, after, _ = hit
    if after - first != 1 or first == 0:
        return False
    return text[offsets[first] : offsets[first] + 1].isupper()


def agreements(sentences, orgs, *, lead: Organisation | None, year) -> list[Agreement]:
    found: list[Agreement] = []
    previous: list[Organisation] = []
    for index, sentence in enumerate(sentences):
        folded, offsets = folded_with_offsets(sentence.text)
        event_words = {i for a, b, _ in phrases_in(folded, EVENT_CUES) for i in range(a, b)}
        cues = [
            h
            for h in phrases_in(folded, AGREEMENT_CUES)
            if h[0] not in event_words and not _in_a_name(sentence.text, offsets, h)
        ]
        words = set(folded.split())
        in_sentence = _parties_in(sentence, orgs)
        strong = [
            c
            for c in cues
            if AGREEMENT_CUES[c[2]] in STRONG_AGREEMENT_KINDS or c[2] in STRONG_AGREEMENT_PHRASES
        ]
        if not cues or not (strong or words & AGREEMENT_TRIGGERS):
            previous = in_sentence or previous
            continue
        first, after, phrase = (strong or cues)[0]
        kinds = {AGREEMENT_CUES[c[2]] for c in cues}
        kind = next(
            (k for k in ("twinning", "soft_landing", "mou", "joint_programme") if k in kinds),
            "cooperation",
        )
        if not in_sentence and not strong and found:
            # 'The agreement was signed on 27 August': the agreement just named, not a new one
            found[-1].date = found[-1].date or first_date(sentence, year)[0]
            continue
        parties = _stated(sentence.text, in_sentence) or list(in_sentence)
        if len(parties) < 2 and (
            both := re.search(
                r"\b(?:both|the two|les deux|ces deux)\s+(?P<what>parks?|parcs?|technop[ôo]les?|"
                r"p[ôo]les|sites|structures|partners|partenaires|biotech parks)\b",
                sentence.text,
                re.I,
            )
        ):
            named = {fold(p) for p in found[-1].parties} if found else set()
            parks = [o for o in orgs if fold(o.name) in named]  # 'les deux partenaires' just named
            if len(parks) < 2:
                parks = [o for o in orgs if o.kind in {"park", "network"}]
            if len(parks) < 2 and fold(both.group("what")) in {
                "structures",
                "partners",
                "partenaires",
            }:
                # 'les deux structures': not only parks, any two hosts the article names
                parks += [o for o in orgs if o not in parks and o.kind not in _BYSTANDERS]
            if len(parks) < 2:
                previous = in_sentence or previous
                continue  # 'both parks', and we do not know the second one: no guess
            parties = parks[:2]
        if len(parties) < 2 and (following := _named_next(sentences, index, orgs)):
            parties = following
        if (
            len(parties) < 2
            and lead is not None
            and lead not in parties
            and (words & {"avec", "with", "entre", "between", "and", "et"})
        ):
            parties.insert(0, lead)
        alone = parties and all(o.kind in {"startup", "company"} for o in parties)
        if len(parties) < 2 and not (alone and not strong):
            # (a startup that 'signed a partnership' with someone unnamed: no guess)
            earlier = sorted(
                (o for o in previous if o not in parties),
                key=lambda o: o.kind not in {"park", "network"},
            )
            parties += earlier[: 2 - len(parties)]
        previous = in_sentence or previous
        if len(parties) < 2:
            continue
        date, _ = first_date(sentence, year)
        skip = {fold(n) for o in parties for n in o.names}
        covers = ""
        m = re.search(
            r"\b(?:pour|afin de|visant à|to|in order to|on|sur|covering|dans les domaines? (?:de|du|des))\s+(.{8,120}?)(?:[.;]|$)",
            sentence.text[offsets[after - 1] :] if after - 1 < len(offsets) else "",
        )
        if m:
            covers = m.group(1).strip()
        found.append(
            Agreement(
                sentence=sentence,
                span=span_of(sentence, offsets, first, after),
                parties=[o.name for o in parties],
                kind=kind,
                date=date,
                place=place_in(sentence, skip),
                covers=covers,
            )
        )
    # One agreement per party set and kind: a later sentence about it adds what was missing.
    # A title ('… signent leur convention') says in short what the body says in full: its
    # agreement is the body's one with the same parties, whatever kind each one reads.
    title = sentences[0] if sentences and not sentences[0].text.rstrip().endswith(".") else None
    merged: dict[tuple, Agreement] = {}
    for a in found:
        parties = frozenset(fold(p) for p in a.parties)
        key = (parties, a.kind)
        same = merged.get(key) or next(
            (
                k
                for (p, _), k in merged.items()
                if p == parties and title is not None and title in (k.sentence, a.sentence)
            ),
            None,
        )
        if same is None:
            merged[key] = a
            continue
        if same.sentence is title and a.sentence is not title:  # the body's words are better
            a.date, a.place = a.date or same.date, a.place or same.place
            merged = {k: (a if v is same else v) for k, v in merged.items()}
        else:
            same.date, same.place = same.date or a.date, same.place or a.place
    unique = []
    for a in merged.values():
        if a not in unique:
            unique.append(a)
    return unique
