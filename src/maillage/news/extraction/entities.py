"""Organisations named in an article: spaCy's named entities, the directory as a gazetteer and
the park vocabulary's naming patterns ("Technopôle de …", "… Hi-tech Zone", "la start-up …"),
merged into one organisation per name, whatever its accents, article or acronym."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from maillage.ecosystem.text import fold
from maillage.news.extraction import places
from maillage.news.extraction.gazetteer import Gazetteer, acronym, name_key
from maillage.news.extraction.vocabulary import (
    APPOSITION_KINDS,
    EVENT_CUES,
    KIND_CUES,
    NOT_NAMES,
)

ORG_LABELS = {"ORG"}
MAYBE_LABELS = {"LOC", "GPE", "FAC", "PER", "PERSON", "MISC", "NORP", "PRODUCT"}
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
_APPOSITION = re.compile(
    r"(?:\b(?:la|le|l['’]|une?|the|a|an|notre|our|sa|son|its|their|leur)\s+)?"
    r"(?P<noun>jeune pousse|start-?up|spin-?off|scale-?up|entreprise|soci[ée]t[ée]|company|firm|"
    r"PME|SME|groupe|fabricant|manufacturer|biotech|medtech|incubateur|incubator|"
    r"laboratoire|laboratory|agence|agency|fonds|fund|investisseur|investor|cluster|"
    r"p[ôo]le de comp[ée]titivit[ée])"
    r"s?(?:\s+(?!(?:de|du|des|of|d|in|à|from)\b)(?:[a-zàâçéèêëîïôûùüÿñ\-]+))?\s+(?=[A-ZÀ-Þ])",
)
_LIST_NEXT = re.compile(
    r"(?:,\s*|\s+(?:and|et|&)\s+|,\s+(?:and|et)\s+)(?:(?:de|d['’]|the|la|le|l['’])\s*)?(?=[A-ZÀ-Þ])"
)
_COORDINATED = re.compile(r"\s+(?:and|et|&)\s+(?:(?:the|le|la|l['’]|de|d['’])\s*)?(?=[A-ZÀ-Þ])")
_APPOSED_AFTER = re.compile(
    r",\s+(?:the|la|le|l['’]|une?|a|an|deux|two|trois|three)\s+(?:[a-zé\-]+\s+)?(?P<noun>start-?up|incubator|incubateur|"
    r"compan(?:y|ies)|entreprise|soci[ée]t[ée]|technopole|park|parc|network|r[ée]seau|university|"
    r"universit[ée]|school|[ée]cole|fund|fonds|agency|agence|cluster|biocluster|operator|op[ée]rateur)s?\b"
)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    source: str  # directory / pattern / ner
    kind: str = ""
    entry_id: int | None = None


@dataclass
class Organisation:
    name: str
    kind: str
    country: str = ""
    city: str = ""
    mentions: list[Mention] = field(default_factory=list)
    entry_id: int | None = None

    @property
    def names(self) -> list[str]:
        seen, names = set(), []
        for m in [Mention(0, 0, self.name, ""), *self.mentions]:
            if m.text not in seen:
                seen.add(m.text)
                names.append(m.text)
        return names


def clean_name(value: str) -> str:
    value = value.strip(' \t\n,;:.!?«»"“”()[]')
    value = re.sub(r"['’]s$", "", value)
    previous = None
    while previous != value:
        previous = value
        value = _LEADING.sub("", value).strip()
        value = _TRAILING_LINK.sub("", value).strip(" ,;:-")
    return value


def _contains(folded: str, cues: frozenset[str]) -> bool:
    """Whether a folded name holds one of the cues (single words or phrases)."""
    words = folded.split()
    if cues.intersection(words):
        return True
    if "pole" in cues and any(len(w) > 6 and w.endswith("pole") for w in words):
        return True  # 'Atlanpole', 'Lyonbiopôle': a park's name made on 'pôle'
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
def _has_cue(name: str, strong: bool = True) -> bool:
    return _contains(fold(name), _STRONG if strong else _ALL)


def _is_event_name(name: str) -> bool:
    words = fold(name).split()
    return bool(set(words) & _EVENT_WORDS) or "12 14" in " ".join(words)


def _rejected(name: str, label: str = "") -> bool:
    key = fold(name)
    if len(key) < 2 or key in NOT_NAMES or key.isdigit() or not re.search(r"[A-Za-zÀ-ÿ]", name):
        return True
    if not name[0].isupper() and not name[0].isdigit():
        return True
    if _is_event_name(name):
        return True
    if places.place(name) and not _has_cue(name):
        return True
    return label in {"PER", "PERSON"} and not _has_cue(name, strong=False)


def _directory_mentions(doc, gazetteer: Gazetteer) -> list[Mention]:
    if not len(gazetteer):
        return []
    tokens = list(doc)
    folded = [fold(t.text) for t in tokens]
    found, i = [], 0
    while i < len(tokens):
        hit = None
        if folded[i] and (
            tokens[i].text[0].isupper()
            or tokens[i].text[0].isdigit()
            or tokens[i].text in gazetteer.lowercase_words
        ):
            words: list[str] = []
            for j in range(i, min(len(tokens), i + gazetteer.longest + 3)):
                if folded[j]:
                    words.append(folded[j])
                key = " ".join(words)
                if folded[j] and key in gazetteer.terms:
                    hit = j
            if hit is not None:
                start, end = tokens[i].idx, tokens[hit].idx + len(tokens[hit].text)
                text = doc.text[start:end]
                ids = gazetteer.lookup(name_key(text))
                single = len(text.split()) == 1
                if not (single and text.lower() == text) or text in gazetteer.lowercase_words:
                    found.append(
                        Mention(
                            start,
                            end,
                            text,
                            "directory",
                            entry_id=min(ids) if len(ids) == 1 else None,
                        )
                    )
                i = hit + 1
                continue
        i += 1
    return found


_INSTITUTION = re.compile(
    r"\b(?P<name>(?:Agence|Communaut[ée]|Chambre|Institut|Centre|Association|F[ée]d[ée]ration|"
    r"Syndicat|Office|Conseil|Minist[èe]re|Soci[ée]t[ée]|Compagnie|P[ôo]le)"
    r"(?:[ \u00a0]+(?:[dl]['’][a-zàâçéèêëîïôûùüÿñ\-]+|de|du|des|la|et|pour|[a-zàâçéèêëîïôûùüÿñ\-]{2,})){1,9}?"
    r"(?:[ \u00a0]+(?P<tail>[A-ZÀ-Þ][\w\-]+(?:[ \u00a0]+[A-ZÀ-Þ][\w\-]+)*))?)"
    r"(?P<acronym>[ \u00a0]*\([A-Z][A-Za-z&|\-]{1,9}\))?"
)
_STAFF_OF = re.compile(
    r"\b(?:fondateurs?|fondatrices?|dirigeants?|dirigeantes?|[ée]quipes?|founders?|teams?|CEOs?|"
    r"PDG|directeurs?|managers?)\s+(?:de\s+l['’]|de\s+la\s+|du\s+|des\s+|de\s+|d['’]|of\s+(?:the\s+)?)"
    r"(?=[A-ZÀ-Þ])"
)
_NETWORK_HEADS = {"association", "federation", "alliance", "union", "network"}


def _institutions(text: str) -> list[Mention]:
    """'Agence de promotion de l'industrie et de l'innovation (APII)', 'Communauté
    d'agglomération Sophia Antipolis': names with lower-case words, taken only when an acronym
    or a capitalised name closes them."""
    found = []
    for m in _INSTITUTION.finditer(text):
        if not (m.group("acronym") or m.group("tail")):
            continue
        name = clean_name(m.group("name"))
        if len(name.split()) >= 3:
            found.append(
                Mention(
                    m.start("name"),
                    m.start("name") + len(name),
                    name,
                    "pattern",
                    kind_of(name) or "public_body",
                )
            )
    return found


def _joined_by_and(text: str) -> list[Mention]:
    """'International Association of Science Parks and Areas of Innovation': an association's
    name that goes on after 'and' with words that are no organisation of their own."""
    found = []
    for run in NAME_RUN.finditer(text):
        head = set(fold(run.group()).split())
        if not head & _NETWORK_HEADS:
            continue
        after = re.match(r"[ \u00a0]+(?:and|et|&)[ \u00a0]+", text[run.end() :])
        if not after:
            continue
        tail = NAME_RUN.match(text, run.end() + after.end())
        if tail and kind_of(tail.group()) in ("", "company") and not tail.group().isupper():
            name = clean_name(text[run.start() : tail.end()])
            found.append(Mention(run.start(), run.start() + len(name), name, "pattern", "network"))
    return found


_RUN = NAME_RUN.pattern
_ART = r"(?:(?:the|le|la|les|l['’])[ \u00a0]*)?"
_SIGN = r"(?:a|ont|have|has)?[ \u00a0]*(?:sign[ée]s?|signed|signent|signs?|conclu|concluded|renouvel[ée]|renewed)"
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


def _agreement_parties(text: str) -> list[Mention]:
    """The names on either side of 'entre … et', 'signed with', '… and … signed' are
    organisations, even with no telling word and untagged by the language model."""
    found = []
    for pattern in _PARTIES:
        for m in pattern.finditer(text):
            for group in ("a", "b"):
                raw = m.group(group)
                name = clean_name(raw)
                if not name or len(name) < 3 or _rejected(name):
                    continue
                offset = m.start(group) + raw.find(name)
                found.append(
                    Mention(offset, offset + len(name), name, "pattern", kind_of(name) or "company")
                )
    return found


def _pattern_mentions(text: str) -> list[Mention]:
    found = _institutions(text) + _joined_by_and(text) + _agreement_parties(text)
    for m in _STAFF_OF.finditer(text):
        position = m.end()
        while run := NAME_RUN.match(text, position):
            name = clean_name(run.group())
            if name:
                offset = run.start() + run.group().find(name)
                found.append(Mention(offset, offset + len(name), name, "pattern", "company"))
            more = _LIST_NEXT.match(text, run.end())
            if not more:
                break
            position = more.end()
    for run in NAME_RUN.finditer(text):
        name = clean_name(run.group())
        if not name or not _has_cue(name):
            continue
        offset = run.start() + run.group().find(name)
        found.append(Mention(offset, offset + len(name), name, "pattern", kind_of(name)))
    for m in _APPOSITION.finditer(text):
        noun = fold(m.group("noun"))
        kind = APPOSITION_KINDS.get(noun, "company")
        position = m.end()
        while run := NAME_RUN.match(text, position):
            name = clean_name(run.group())
            if name:
                offset = run.start() + run.group().find(name)
                found.append(Mention(offset, offset + len(name), name, "pattern", kind))
            more = _LIST_NEXT.match(text, run.end())
            if not more:
                break
            position = more.end()
    for run in NAME_RUN.finditer(text):
        after = _APPOSED_AFTER.match(text, run.end())
        if after and (name := clean_name(run.group())):
            offset = run.start() + run.group().find(name)
            kind = APPOSITION_KINDS.get(fold(after.group("noun")), kind_of(after.group("noun")))
            found.append(Mention(offset, offset + len(name), name, "pattern", kind or "company"))
    return found


def _coordinated(text: str, kept: list[Mention]) -> list[Mention]:
    """'Research Triangle Park and Sophia Antipolis': the name beside a found one is one too."""
    found = []
    for m in kept:
        after = _COORDINATED.match(text, m.end)
        if after and (run := NAME_RUN.match(text, after.end())):
            name = clean_name(run.group())
            found.append(Mention(run.start(), run.start() + len(name), name, "pattern", m.kind))
        before = re.search(
            r"(?P<run>"
            + NAME_RUN.pattern
            + r")\s+(?:and|et|&)\s+(?:(?:the|le|la|l['’]|de|d['’])\s*)?$",
            text[max(0, m.start - 80) : m.start],
        )
        if before:
            name = clean_name(before.group("run"))
            start = max(0, m.start - 80) + before.start("run") + before.group("run").find(name)
            found.append(Mention(start, start + len(name), name, "pattern", m.kind))
    return found


def _ner_mentions(doc) -> list[Mention]:
    found = []
    for ent in doc.ents:
        if ent.label_ not in ORG_LABELS and ent.label_ not in MAYBE_LABELS:
            continue
        name = clean_name(ent.text)
        if not name:
            continue
        if ent.label_ not in ORG_LABELS and not _has_cue(name):
            continue
        offset = ent.start_char + ent.text.find(name)
        found.append(Mention(offset, offset + len(name), name, f"ner:{ent.label_}"))
    return found


_PRIORITY = {"directory": 3, "pattern": 2}


def _choose(mentions: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: the directory's first, then patterns, then spaCy's; the
    longest first within each."""
    ordered = sorted(
        mentions, key=lambda m: (-_PRIORITY.get(m.source, 1), -(m.end - m.start), m.start)
    )
    kept: list[Mention] = []
    for m in ordered:
        if any(m.start < k.end and k.start < m.end for k in kept):
            continue
        label = m.source.split(":")[1] if m.source.startswith("ner:") else ""
        if m.source != "directory" and _rejected(m.text, label):
            continue
        kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def _acronym_definitions(text: str, mentions: list[Mention]) -> dict[str, str]:
    """'Research Triangle Park (RTP)': the acronym's key -> the full name's key."""
    defined = {}
    for m in mentions:
        after = re.match(r"\s*\(([A-Z][\w&|\- ]{1,30})\)", text[m.end : m.end + 36])
        if after:
            defined[name_key(after.group(1))] = name_key(m.text)
    return defined


def _country_near(text: str, m: Mention) -> tuple[str, str]:
    window = text[m.end : m.end + 40]
    near = re.match(
        r"\s*(?:\(|,\s*(?:based in|located in|basée? à|située? à|implantée? à|in|à|en)\s+|"
        r"\s+(?:in|à|en|de|du|based in|basée? à)\s+)"
        r"(?P<place>[A-ZÀ-Þ][\w\-’' ]+?)(?:\)|,|\.|\s+(?:et|and|a|ont|has|have|is|est)\b|$)",
        window,
    )
    for candidate in ([near.group("place")] if near else []) + [m.text]:
        found = places.place(candidate)
        if found:
            return found[1], found[0]
        for word in re.findall(r"[A-ZÀ-Þ][\w\-]+(?:[ -][A-ZÀ-Þ][\w\-]+)?", candidate):
            if word != candidate and (found := places.city(word)):
                return found[1], found[0]
    return "", ""


def organisations(doc, gazetteer: Gazetteer) -> list[Organisation]:
    text = doc.text
    first = _choose(
        _directory_mentions(doc, gazetteer) + _pattern_mentions(text) + _ner_mentions(doc)
    )
    mentions = _choose(first + _coordinated(text, first))
    acronyms = _acronym_definitions(text, mentions)
    groups: dict[str, Organisation] = {}
    by_entry: dict[int, str] = {}
    by_acronym: dict[str, str] = {}
    for m in mentions:
        key = name_key(m.text)
        key = acronyms.get(key, key)
        if m.entry_id is not None and m.entry_id in by_entry:
            key = by_entry[m.entry_id]
        elif key.replace(" ", "") in by_acronym and m.text.isupper():
            key = by_acronym[key.replace(" ", "")]
        group = groups.get(key)
        if group is None:
            entry = gazetteer.entries.get(m.entry_id) if m.entry_id is not None else None
            country, city = (entry.country, entry.city) if entry else _country_near(text, m)
            group = Organisation(
                name=m.text,
                kind=m.kind or kind_of(m.text) or "company",
                country=country,
                city=city,
                entry_id=m.entry_id,
            )
            groups[key] = group
            if m.entry_id is not None:
                by_entry[m.entry_id] = key
            if initials := acronym(m.text):
                by_acronym.setdefault(initials, key)
        elif m.kind and group.kind == "company" and m.kind != "company":
            group.kind = m.kind
        group.mentions.append(m)
    return _merge_short_forms(list(groups.values()))


def _covers(short: str, long: str) -> bool:
    """'Chengdu Hi-tech Zone' in 'Chengdu Hi-tech Industrial Development Zone'; 'NC
    Biotechnology Center' in 'North Carolina Biotechnology Center'."""
    s_words, l_words = short.split(), long.split()
    written = dict(zip(fold(short).split(), short.split(), strict=False))
    s_words = fold(short).split()
    l_words = fold(long).split()
    if len(s_words) >= len(l_words) or s_words[0][0] != l_words[0][0]:
        return False
    if len(s_words) == 1:  # 'ZGC' for 'ZGC Group', 'Zhongguancun' for 'Zhongguancun Science Park'
        return s_words[0] == l_words[0] and (short.isupper() or kind_of(long) == "park")
    if s_words[-1] != l_words[-1]:
        return False
    i = 0
    for word in s_words:
        if word in l_words[i:]:
            i = l_words.index(word, i) + 1
            continue
        original = written.get(word, "")
        k = len(word)
        if original.isupper() and "".join(w[0] for w in l_words[i : i + k]) == word:
            i += k
            continue
        return False
    return True


def _without_place(name: str) -> str:
    """'Life Innovation Center de Kawasaki' -> 'Life Innovation Center'."""
    m = re.match(
        r"(?P<base>.+?)[ \u00a0]+(?:(?:de|of|in|à|d['’])[ \u00a0]*)?(?P<place>[A-ZÀ-Þ][\w\-]+)$",
        name,
    )
    if m and len(m.group("base").split()) >= 2 and places.city(m.group("place")):
        return m.group("base")
    return name


def _merge_short_forms(orgs: list[Organisation]) -> list[Organisation]:
    kept: list[Organisation] = []
    for org in sorted(orgs, key=lambda o: len(o.name)):
        base = _without_place(org.name)
        same = next(
            (
                k
                for k in kept
                if base != org.name
                and k.entry_id is None
                and org.entry_id is None
                and fold(k.name) == fold(base)
            ),
            None,
        )
        if same is not None:
            same.mentions += org.mentions
            same.country = same.country or org.country
            same.city = same.city or org.city
            org.mentions = []
        else:
            kept.append(org)
    orgs, kept = kept, []
    for org in sorted(orgs, key=lambda o: -len(o.name)):
        into = next(
            (
                k
                for k in kept
                if k.entry_id is None and org.entry_id is None and _covers(org.name, k.name)
            ),
            None,
        )
        if into is None:
            kept.append(org)
        else:
            into.mentions += org.mentions
            into.country = into.country or org.country
    first_seen = {id(o): min(m.start for m in o.mentions) for o in kept}
    return sorted(kept, key=lambda o: first_seen[id(o)])
