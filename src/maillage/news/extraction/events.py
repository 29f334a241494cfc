"""Events in park news: business conventions, conferences, forums, named or described, with
their kind, place, dates, organisers and figures; editions kept apart."""

from __future__ import annotations

import re

from maillage.ecosystem.text import fold
from maillage.news.extraction import places
from maillage.news.extraction.cues import EVENT_CUES
from maillage.news.extraction.dates import find_dates
from maillage.news.extraction.facts import (
    Event,
    Sentence,
    first_date,
    folded_with_offsets,
    orgs_in,
    phrases_in,
    place_in,
    span_of,
)
from maillage.news.extraction.figures import figures
from maillage.news.extraction.kinds import has_cue
from maillage.news.extraction.names import NAME_RUN, clean_name

_ORDINAL = re.compile(
    r"(?:\d+(?:e|er|re|ère|eme|ème|st|nd|rd|th)|premi[eè]re?|first|second|"
    r"deuxi[eè]me|troisi[eè]me|third)$",
    re.I,
)
_OF = re.compile(
    r"\s*(?:inter-[\w\-]+\s+|(?:sessions?|meetings?|programme|program)\s+)?(?:de\s+l['’]|de\s+la\s+|du\s+|des\s+|de\s+|d['’]|of\s+the\s+|of\s+)",
    re.I,
)


def _event_name(sentence: Sentence, start: int, end: int) -> str:
    """The event's name around its cue words: capitalised words and an ordinal before, a
    complement ('de l'Axe Seine', 'of the IASP') after; the name a common noun introduces
    ('le salon MedTech Montréal', 'le colloque « Territoires d'innovation »') or stands in
    apposition to ('Basque Tech Meetings 2025, the business convention')."""
    text = sentence.text
    if text[start : start + 1].islower() and text[end - 1 : end].isalnum():
        appos = _APPOSED_EVENT.search(text[:start])
        if appos and not has_cue(appos.group("name")):  # not 'Hosted by X Park, the conference'
            return clean_name(appos.group("name"))
        if (follow := _NAMED_AFTER.match(text, end)) and not (
            (run := follow.group("run")) and (places.place(run) or find_dates(run))
        ):
            return clean_name(f"{text[start:end]} {follow.group('title') or run}")
    for run in NAME_RUN.finditer(text):
        if run.start() <= start and end <= run.end() + 1:
            start, end = run.start(), run.end()
            break
    left = start
    before = text[:start].split()
    while (
        before
        and (before[-1][:1].isupper() or _ORDINAL.match(before[-1]))
        and fold(before[-1]) not in {"la", "le", "les", "l", "the", "a"}
    ):
        left = text.rfind(before[-1], 0, left)
        before.pop()
    right = end
    rest = text[end:]
    adjective = re.match(
        r"\s+(?:communs?|commune?s?|joint|inter-[\w\-]+|[a-zé]+-[\w\-]+|internationale?s?|annuelle?|international|annual|europ[ée]enne?|european|mondiale?|world)\b",
        rest,
    )
    if adjective:
        right += adjective.end()
        rest = text[right:]
    year = re.match(r"[ \u00a0]+(?:19|20)\d\d\b", rest)
    if year and text[left:right][:1].isupper():  # 'Forum Innovation Santé 2025': the edition
        right += year.end()
        rest = text[right:]
    complement = _OF.match(rest)
    if complement:
        run = NAME_RUN.match(rest, complement.end())
        if run:
            right += run.end()
        elif not text[left:right][:1].isupper() and (
            described := _DESCRIBED.match(rest, complement.end())
        ):  # 'le forum annuel des technopoles africaines': a described event
            right += described.end()
    elif topic := re.match(r"\s+(?:sur\s+les?|sur\s+la|sur\s+l['’]|on)\s*[\w\-]+", rest):
        right += topic.end()
        described = _DESCRIBED.match(text, right + 1) if text[left:right][:1].islower() else None
        if described and text[right : right + 1] == " ":  # 'conference on science parks'
            right = described.end()
    return clean_name(text[left:right])


# The lower-case words that describe an unnamed event after 'des', 'of the': up to four,
# up to a verb with an apostrophe, a preposition or an article.
_DESCRIBED_STOP = (
    r"(?:à|a|au|aux|en|in|at|on|le|la|les|the|qui|which|that|et|and|y|is|was|will|sera|est|"
    r"ont|from|du|de|des|pour|for|with|avec|par|by|held|organised|organized|organis[ée]e?s?)"
)
_DESCRIBED = re.compile(
    rf"(?:(?!{_DESCRIBED_STOP}\b)[a-zàâçéèêëîïôûùüÿñ][\w\-]*(?![’'])(?:[ \u00a0]+|(?=[\s,.;:]|$))){{1,4}}"
)
_APPOSED_EVENT = re.compile(
    rf"(?P<name>{NAME_RUN.pattern}(?:[ \u00a0]+(?:19|20)\d\d)?),[ \u00a0]+(?:the|la|le|l['’])"
    r"[ \u00a0]*(?:[a-zé\-]+[ \u00a0]+)?$"
)
_NAMED_AFTER = re.compile(
    rf"[ \u00a0]+(?:[«\"“][ \u00a0]*(?P<title>[^»\"”]{{2,60}}?)[ \u00a0]*[»\"”]|(?P<run>{NAME_RUN.pattern}))"
)
# A cue that counts ('1 100 rendez-vous d'affaires') or names a venue ('Cité des congrès',
# 'Convention Center') is no event.
_COUNTED = re.compile(r"(?:\d[\d  .,]*|\b(?:plusieurs|several|many|de nombreux))\s*$", re.I)
_VENUE_BEFORE = re.compile(
    r"\b(?:Cit[ée]|Palais|Centre|Center|Parc|Hall)[ \u00a0]+(?:des|du|de[ \u00a0]+la|de)[ \u00a0]*$"
)
_VENUE_AFTER = re.compile(r"[ \u00a0]+(?:Center|Centre|Hall|Palace)\b")


_EVENTISH = re.compile(
    r"\b(?:Convention|Conference|Forum|Showcase|Summit|Expo|Days?|Week|USA|"
    r"Congr[eè]s|Salon|Sommet|Rencontres)\b"
)


_ORDINAL_WORDS = {
    "premier": "1",
    "premiere": "1",
    "first": "1",
    "deuxieme": "2",
    "second": "2",
    "troisieme": "3",
    "third": "3",
}


def _edition(name: str) -> set[str]:
    """The ordinal and year of an event's name, as numbers: '43rd' 43, 'deuxième' 2, '2026'
    (one edition of a series)."""
    found = set()
    for word in fold(name).split():
        if re.fullmatch(r"(?:19|20)\d\d", word):
            found.add(word)
        elif _ORDINAL.match(word):
            found.add(_ORDINAL_WORDS.get(word) or re.sub(r"\D", "", word))
    return found


def _other_edition(a: Event, b: Event) -> bool:
    """Two editions: different ordinals or years, or one without and held elsewhere."""
    ea, eb = _edition(a.name), _edition(b.name)
    if ea and eb:
        return ea != eb
    return ea != eb and bool(a.place and b.place) and fold(a.place) != fold(b.place)


def _alike(a: str, b: str) -> bool:
    ea, eb = _edition(a), _edition(b)
    if ea and eb and ea != eb:  # the 42nd and the 43rd conference, or 2025 and 2026
        return False
    wa, wb = set(fold(a).split()), set(fold(b).split())
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.5


def _within(a: str, b: str) -> bool:
    """A title's short form of the body's event: 'WTA forum' in 'WTA Global Innovation Forum
    2025', 'Biotech Showcase' in 'speed meetings of Biotech Showcase'."""
    wa, wb = set(fold(a).split()), set(fold(b).split())
    return bool(wa and wb) and (wa < wb or wb < wa)


def _better_name(new: str, old: str) -> bool:
    """The longer name is the better one, unless it only describes what the shorter names."""
    if set(fold(old).split()) < set(fold(new).split()):
        return new[:1].isupper() or not old[:1].isupper()
    return False


def events(sentences, orgs, *, year) -> list[Event]:
    found: list[Event] = []
    for sentence in sentences:
        folded, offsets = folded_with_offsets(sentence.text)
        chosen = None
        for first, after, phrase in phrases_in(folded, EVENT_CUES):
            start, end = span_of(sentence, offsets, first, after)
            local_start = start - sentence.start
            local_end = local_start + len(
                " ".join(sentence.text[local_start:].split()[: len(phrase.split())])
            )
            before, behind = sentence.text[:local_start], sentence.text[local_end:]
            if not (
                _COUNTED.search(before)
                or _VENUE_BEFORE.search(before)
                or _VENUE_AFTER.match(behind)
            ):
                chosen = (first, after, phrase, start, end, local_start, local_end)
                break
        if chosen is None:
            continue
        first, after, phrase, start, end, local_start, local_end = chosen
        name = _event_name(sentence, local_start, min(local_end, len(sentence.text)))
        in_sentence = orgs_in(sentence, orgs)
        skip = {fold(n) for o in in_sentence for n in o.names}
        day, last = first_date(sentence, year)
        event = Event(
            sentence=sentence,
            span=(start, end),
            name=name,
            kind=EVENT_CUES[phrase],
            place=place_in(sentence, skip),
            start=day,
            end=last,
            organisers=[o.name for o in in_sentence if o.kind in {"park", "network"}],
            figures={f.what: f.value for f in figures([sentence])},
        )
        bare = fold(event.name) == fold(phrase)
        if bare:  # 'the salon', 'a seminar': the event's own name, when the sentence has one
            named = [
                clean_name(r.group())
                for r in NAME_RUN.finditer(sentence.text)
                if _EVENTISH.search(r.group())
            ]
            if named:
                event.name, bare = named[0], False
        if bare and not (event.start or event.place):
            continue  # a passing mention ('its next business convention')
        same = next(
            (
                e
                for e in found
                if (
                    _alike(e.name, event.name)
                    or _within(e.name, event.name)
                    or (e.kind == event.kind and bare)
                )
                and not _other_edition(e, event)
            ),
            None,
        )
        if same:
            if _better_name(event.name, same.name):
                same.name = event.name
            same.place, same.start = same.place or event.place, same.start or event.start
            same.end = same.end or event.end
            same.figures = {**event.figures, **same.figures}
            continue
        found.append(event)
    return found
