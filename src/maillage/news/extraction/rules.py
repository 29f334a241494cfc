"""Rules for the facts of park news, sentence by sentence: agreements (twinning, cooperation,
soft landing, MoU…), events (business conventions, conferences, 12/14…), delegations and
missions, and stated figures. Each fact keeps the sentence it comes from and the words that
triggered it, so a reviewer sees why it was proposed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from maillage.ecosystem.text import fold
from maillage.news.extraction import places
from maillage.news.extraction.dates import find_dates
from maillage.news.extraction.entities import Organisation
from maillage.news.extraction.kinds import has_cue
from maillage.news.extraction.names import NAME_RUN, clean_name
from maillage.news.extraction.parties import stated_parties
from maillage.news.extraction.vocabulary import (
    AGREEMENT_CUES,
    AGREEMENT_TRIGGERS,
    EVENT_CUES,
    FIGURE_NOUNS,
    NUMBER_WORDS,
)

# Phrases that name an agreement by themselves; the generic ones need a verb of signature.
STRONG_AGREEMENT_KINDS = {"twinning", "soft_landing", "mou", "joint_programme"}
STRONG_AGREEMENT_PHRASES = {k for k, v in AGREEMENT_CUES.items() if " " in k and v == "cooperation"}


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
def _fold_word(word: str) -> str:
    return fold(word)


def _folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """The folded text of a sentence, word by word, with each folded word's start offset."""
    words, offsets = [], []
    for m in re.finditer(r"[^\W_]+", text):
        for part in _fold_word(m.group()).split():
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


def _phrases(folded: str, phrases: dict[str, str]) -> list[tuple[int, int, str]]:
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


def _span(sentence: Sentence, offsets: list[int], first: int, after: int) -> tuple[int, int]:
    start = sentence.start + offsets[first]
    end = sentence.start + (offsets[after] if after < len(offsets) else len(sentence.text))
    return start, end


def _orgs_in(sentence: Sentence, orgs: list[Organisation]) -> list[Organisation]:
    hits = []
    for org in orgs:
        positions = [m.start for m in org.mentions if sentence.start <= m.start < sentence.end]
        if positions:
            hits.append((min(positions), org))
    return [org for _, org in sorted(hits, key=lambda h: h[0])]


def _place_in(sentence: Sentence, skip: set[str]) -> str:
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


def _first_date(sentence: Sentence, year: int | None) -> tuple[str, str]:
    """The sentence's first date, after its dateline when it has one and another date."""
    dates = find_dates(sentence.text, default_year=year)
    if dateline := _DATELINE.match(sentence.text):
        dates = [d for d in dates if d.begin >= dateline.end()] or dates
    return (dates[0].start, dates[0].end) if dates else ("", "")


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
        for o in _orgs_in(sentence, orgs)
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
    named = _orgs_in(following, orgs)
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
        folded, offsets = _folded_with_offsets(sentence.text)
        event_words = {i for a, b, _ in _phrases(folded, EVENT_CUES) for i in range(a, b)}
        cues = [
            h
            for h in _phrases(folded, AGREEMENT_CUES)
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
            found[-1].date = found[-1].date or _first_date(sentence, year)[0]
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
        date, _ = _first_date(sentence, year)
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
                span=_span(sentence, offsets, first, after),
                parties=[o.name for o in parties],
                kind=kind,
                date=date,
                place=_place_in(sentence, skip),
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
        folded, offsets = _folded_with_offsets(sentence.text)
        chosen = None
        for first, after, phrase in _phrases(folded, EVENT_CUES):
            start, end = _span(sentence, offsets, first, after)
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
        in_sentence = _orgs_in(sentence, orgs)
        skip = {fold(n) for o in in_sentence for n in o.names}
        day, last = _first_date(sentence, year)
        event = Event(
            sentence=sentence,
            span=(start, end),
            name=name,
            kind=EVENT_CUES[phrase],
            place=_place_in(sentence, skip),
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
