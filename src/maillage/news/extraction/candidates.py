"""Where organisations are named in an article: the directory's names (a gazetteer),
spaCy's named entities and the naming patterns of park news ("Technopôle de …", "la
start-up …", "A et B ont signé"), kept without overlap — the directory first, then the
patterns, then spaCy."""

from __future__ import annotations

import re

from maillage.ecosystem.text import fold
from maillage.news.extraction.gazetteer import Gazetteer, name_key
from maillage.news.extraction.kinds import has_cue, kind_of, rejected
from maillage.news.extraction.names import COORDINATED, LIST_NEXT, NAME_RUN, Mention, clean_name
from maillage.news.extraction.parties import agreement_parties
from maillage.news.extraction.vocabulary import APPOSITION_KINDS

ORG_LABELS = {"ORG"}
MAYBE_LABELS = {"LOC", "GPE", "FAC", "PER", "PERSON", "MISC", "NORP", "PRODUCT"}
_NETWORK_HEADS = {"association", "federation", "alliance", "union", "network"}
_BODY_HEADS = {"department", "ministry", "ministere", "chamber", "office"}
# The fields a name may join with 'and': 'Science and Technology', 'Growth and Development'.
_FIELDS = {
    "science",
    "sciences",
    "technology",
    "technologies",
    "research",
    "innovation",
    "development",
    "growth",
    "business",
    "trade",
    "industry",
    "commerce",
    "enterprise",
    "education",
    "health",
    "energy",
}
# A capitalised name right after an event's noun is the event's ('le salon MedTech Montréal').
_AFTER_EVENT_NOUN = re.compile(
    r"\b(?:salon|forum|colloque|congr[eè]s|sommet|summit|conference|conf[ée]rence|"
    r"convention d['’]affaires|business convention|trade show|showcase)[ \u00a0]+[«\"“]?[ \u00a0]*$",
    re.I,
)
_APPOSITION = re.compile(
    r"(?:\b(?:la|le|l['’]|une?|the|a|an|notre|our|sa|son|its|their|leur)\s+)?"
    r"(?P<noun>jeune pousse|start-?up|spin-?off|scale-?up|entreprise|soci[ée]t[ée]|company|firm|"
    r"PME|SME|groupe|fabricant|manufacturer|biotech|medtech|incubateur|incubator|p[ée]pini[èe]re|"
    r"laboratoire|laboratory|agence|agency|fonds|fund|investisseur|investor|cluster|"
    r"p[ôo]le de comp[ée]titivit[ée])"
    r"s?(?:\s+(?!(?:de|du|des|of|d|in|à|from)\b)(?:[a-zàâçéèêëîïôûùüÿñ\-]+))?\s+(?=[A-ZÀ-Þ])",
)
_PARK_AFTER = re.compile(r"[ \u00a0]+(?:science[ \u00a0]+|technology[ \u00a0]+)?(?:park|parc)\b")
_APPOSED_AFTER = re.compile(
    r",\s+(?:the|la|le|l['’]|une?|a|an|deux|two|trois|three)\s+(?:[a-zé\-]+\s+)?(?P<noun>start-?up|incubator|incubateur|"
    r"compan(?:y|ies)|entreprise|soci[ée]t[ée]|technopole|park|parc|network|r[ée]seau|university|"
    r"universit[ée]|school|[ée]cole|fund|fonds|agency|agence|cluster|biocluster|operator|op[ée]rateur)s?\b"
)


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
    r"Syndicat|Office|Conseil|Minist[èe]re|Soci[ée]t[ée]|Compagnie|P[ôo]le|Parc|Quartier)"
    r"(?:[ \u00a0]+(?:[dl]['’][a-zàâçéèêëîïôûùüÿñ\-]+|de|du|des|la|et|pour|[a-zàâçéèêëîïôûùüÿñ\-]{2,})){1,6}?"
    r"(?:[ \u00a0]+(?:[dl]['’])?(?P<tail>[A-ZÀ-Þ][\w\-]+(?:[ \u00a0]+[A-ZÀ-Þ][\w\-]+)*))?)"
    r"(?P<acronym>[ \u00a0]*\([A-Z][A-Za-z&|\-]{1,9}\))?"
    r"(?(tail)|(?(acronym)|(?!)))"  # closed by a capitalised name or an acronym, else no name
)
_STAFF_OF = re.compile(
    r"\b(?:fondateurs?|fondatrices?|dirigeants?|dirigeantes?|[ée]quipes?|founders?|teams?|CEOs?|"
    r"PDG|directeurs?|managers?)\s+(?:de\s+l['’]|de\s+la\s+|du\s+|des\s+|de\s+|d['’]|of\s+(?:the\s+)?)"
    r"(?=[A-ZÀ-Þ])"
)


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
    """'International Association of Science Parks and Areas of Innovation', 'Department for
    Business and Trade': a name that goes on after 'and' with words that are no organisation
    of their own; 'Hong Kong Science and Technology Parks Corporation', 'Gauteng Growth and
    Development Agency': two fields joined by 'and' inside one name."""
    found = []
    for run in NAME_RUN.finditer(text):
        words = fold(run.group()).split()
        head = set(words)
        after = re.match(r"[ \u00a0]+(?:and|et|&)[ \u00a0]+", text[run.end() :])
        if not after or not words:
            continue
        tail = NAME_RUN.match(text, run.end() + after.end())
        if not tail:
            continue
        tail_words = fold(tail.group()).split()
        if head & _NETWORK_HEADS:
            kind = "network"
            if kind_of(tail.group()) not in ("", "company") or tail.group().isupper():
                continue
        elif head & _BODY_HEADS:
            kind = "public_body"
            if kind_of(tail.group()) not in ("", "company") or tail.group().isupper():
                continue
        elif not (
            words[-1] in _FIELDS and tail_words and tail_words[0] in _FIELDS and len(tail_words) > 1
        ):
            continue
        name = clean_name(text[run.start() : tail.end()])
        kind = kind if head & (_NETWORK_HEADS | _BODY_HEADS) else kind_of(name) or "company"
        found.append(Mention(run.start(), run.start() + len(name), name, "pattern", kind))
    return found


def _pattern_mentions(text: str) -> list[Mention]:
    found = _institutions(text) + _joined_by_and(text) + agreement_parties(text)
    for m in _STAFF_OF.finditer(text):
        position = m.end()
        while run := NAME_RUN.match(text, position):
            name = clean_name(run.group())
            if name:
                offset = run.start() + run.group().find(name)
                found.append(Mention(offset, offset + len(name), name, "pattern", "company"))
            more = LIST_NEXT.match(text, run.end())
            if not more:
                break
            position = more.end()
    for run in NAME_RUN.finditer(text):
        name = clean_name(run.group())
        if not name or not has_cue(name):
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
            more = LIST_NEXT.match(text, run.end())
            if not more:
                break
            position = more.end()
    for run in NAME_RUN.finditer(text):
        name = clean_name(run.group())
        if name and not has_cue(name) and _PARK_AFTER.match(text, run.end()):
            # 'the Porto Digital park': a park named without the word
            offset = run.start() + run.group().find(name)
            found.append(Mention(offset, offset + len(name), name, "pattern", "park"))
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
        after = COORDINATED.match(text, m.end)
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
        line = ent.text.split("\n")[0]  # a title's last words and the next line: two things
        for part in _SPLIT_AT_AND.split(line) if not _has_network_head(line) else [line]:
            name = clean_name(part)
            if not name:
                continue
            if ent.label_ not in ORG_LABELS and not has_cue(name):
                continue
            offset = ent.start_char + ent.text.find(name)
            found.append(Mention(offset, offset + len(name), name, f"ner:{ent.label_}"))
    return found


# 'Cellvera and Aquagenix' tagged as one entity: two names (not 'Association of X and Y').
_SPLIT_AT_AND = re.compile(r"[ \u00a0]+(?:and|et)[ \u00a0]+(?=[A-ZÀ-Þ])")


def _has_network_head(name: str) -> bool:
    return bool(set(fold(name).split()) & _NETWORK_HEADS)


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
        if m.source != "directory" and rejected(m.text, label):
            continue
        kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def find_mentions(doc, gazetteer: Gazetteer) -> list[Mention]:
    """Every organisation's mention in a parsed article, without overlap, in text order; a
    name beside a found one ('A and B') included."""
    text = doc.text
    # 'the Chinese park': a nationality the language model knows is no organisation
    nationalities = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "NORP"}
    first = _choose(
        _directory_mentions(doc, gazetteer)
        + [
            m
            for m in _pattern_mentions(text) + _ner_mentions(doc)
            if not _AFTER_EVENT_NOUN.search(text[max(0, m.start - 40) : m.start])
            and (m.start, m.end) not in nationalities
        ]
    )
    return _choose(first + _coordinated(text, first))
