"""Organisations named in an article: spaCy's named entities, the directory as a gazetteer and
the park vocabulary's naming patterns ("Technopôle de …", "… Hi-tech Zone", "la start-up …"),
merged into one organisation per name, whatever its accents, article or acronym."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from maillage.ecosystem.text import fold
from maillage.news.extraction import places
from maillage.news.extraction.candidates import find_mentions
from maillage.news.extraction.gazetteer import Gazetteer, acronym, name_key
from maillage.news.extraction.kinds import kind_of
from maillage.news.extraction.names import Mention


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
    mentions = find_mentions(doc, gazetteer)
    acronyms = _acronym_definitions(text, mentions)
    groups: dict[str, Organisation] = {}
    by_entry: dict[int, str] = {}
    by_acronym: dict[str, str] = {}
    for m in mentions:  # 'the WTA forum … the World Technopolis Association': one, whatever first
        if m.entry_id is None and (initials := acronym(m.text)):
            by_acronym.setdefault(initials, acronyms.get(name_key(m.text), name_key(m.text)))
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
    for group in groups.values():  # named by its full name, not by the acronym seen first
        if group.name.isupper() and (
            full := [x.text for x in group.mentions if not x.text.isupper()]
        ):
            group.name = full[0]
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


# The kind's word a name may be written with or without: 'Institut Fraunhofer ENAS de
# Chemnitz' is the 'Fraunhofer ENAS' of the title.
_HEAD_WORD = re.compile(r"^(?:Institut|Institute|Universit[ée]|University|Technop[ôo]le)[ \u00a0]+")


def _merge_short_forms(orgs: list[Organisation]) -> list[Organisation]:
    kept: list[Organisation] = []
    for org in sorted(orgs, key=lambda o: len(o.name)):
        base = _without_place(org.name)
        bases = {fold(base), fold(_HEAD_WORD.sub("", base))}
        same = next(
            (
                k
                for k in kept
                if (base != org.name or _HEAD_WORD.match(base))
                and k.entry_id is None
                and org.entry_id is None
                and fold(k.name) in bases
                and fold(k.name) != fold(org.name)
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
