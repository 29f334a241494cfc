"""Who each participant should meet, and why: a ranked list computed from plain data.

Texts are reduced to French/English stems (``terms``) and weighted by TF-IDF; two texts are
compared by the cosine of their vectors, found through inverted indexes so that only pairs
sharing a term are ever looked at (3,000 participants stay well under a minute).

Three signals, in this order of strength:
1. complementarity: one's *request* is close to the other's *offer* (either way round). A pair
   with such a match always ranks above a pair without one: an offer that answers a request is
   a reason to meet, mere likeness is not as strong;
2. likeness of the two profiles (all their opportunities and their organisation's description);
3. shared sectors.

Each recommendation carries its reasons so that the page can say "your request ‘solar
coatings’ matches their offer ‘anti-soiling coatings for solar panels’".

Pure Python (no Django): ``profiles.py`` loads these values from the database.
"""

from __future__ import annotations

import enum
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np

from maillage.ecosystem.text import fold
from maillage.matchmaking.services.terms import words

OFFER, REQUEST = "offer", "request"
MIN_MATCH = 0.18  # cosine from which a request and an offer are said to match
MIN_SIMILARITY = 0.08  # cosine from which two profiles are said to be alike
THEIR_OFFER, MY_OFFER = 1.0, 0.9  # being answered weighs a little more than answering
# Terms carried by more than this share of documents say little and cost much: skipped.
COMMON_SHARE = 0.2
COMMON_MIN = 25


class ReasonKind(StrEnum):
    THEIR_OFFER_ANSWERS_MY_REQUEST = "their_offer"
    MY_OFFER_ANSWERS_THEIR_REQUEST = "my_offer"
    SHARED_SECTORS = "sectors"
    SIMILAR_INTERESTS = "similar"
    # Templates compare with the members (kinds.SHARED_SECTORS) and must not call the class.
    do_not_call_in_templates = enum.nonmember(True)


@dataclass(frozen=True)
class Opportunity:
    id: int
    kind: str  # "offer" or "request"
    title: str
    text: str = ""  # description and keywords
    sectors: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Profile:
    id: int
    name: str = ""
    organisation_id: int | None = None
    sectors: frozenset[str] = frozenset()  # sector names, shown as they are in the reasons
    text: str = ""  # job title, organisation description
    opportunities: tuple[Opportunity, ...] = ()


@dataclass(frozen=True)
class Reason:
    kind: ReasonKind
    mine: str = ""  # title of my opportunity
    theirs: str = ""  # title of theirs
    words: tuple[str, ...] = ()  # shared sectors, or words the two profiles have in common
    mine_id: int | None = None
    theirs_id: int | None = None


@dataclass(frozen=True)
class Recommendation:
    participant_id: int
    score: float
    reasons: tuple[Reason, ...] = ()

    @property
    def answers_a_request(self) -> bool:
        return any(
            r.kind
            in (
                ReasonKind.THEIR_OFFER_ANSWERS_MY_REQUEST,
                ReasonKind.MY_OFFER_ANSWERS_THEIR_REQUEST,
            )
            for r in self.reasons
        )


# --- vectors ---------------------------------------------------------------------------------


@dataclass
class _Doc:
    owner: int  # index of the profile
    vector: dict[str, float] = field(default_factory=dict)
    title: str = ""
    id: int | None = None


def _sector_terms(sectors: Iterable[str]) -> list[str]:
    return ["#" + fold(s) for s in sectors if s]


def _counts(text: str, sectors: Iterable[str], surface: dict[str, Counter]) -> Counter:
    counts: Counter = Counter()
    for stem, raw in words(text):
        counts[stem] += 1
        surface[stem][raw] += 1
    counts.update(_sector_terms(sectors))
    return counts


def _weigh(counts: Counter, idf: Mapping[str, float]) -> dict[str, float]:
    vector = {t: (1.0 + math.log(c)) * idf.get(t, 1.0) for t, c in counts.items()}
    norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
    return {t: w / norm for t, w in vector.items()}


def _idf(documents: list[Counter]) -> dict[str, float]:
    df: Counter = Counter()
    for counts in documents:
        df.update(counts.keys())
    n = len(documents)
    return {t: math.log((1 + n) / (1 + d)) + 1.0 for t, d in df.items()}


class _Index:
    """Inverted index of unit vectors: term -> (documents, weights) as arrays; the terms found
    in a large share of the documents say little and cost much, so they are left out."""

    def __init__(self, vectors: list[dict[str, float]]) -> None:
        self.size = len(vectors)
        df: Counter = Counter()
        for vector in vectors:
            df.update(vector.keys())
        limit = max(COMMON_MIN, COMMON_SHARE * len(vectors))
        lists: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
        for i, vector in enumerate(vectors):
            for term, weight in vector.items():
                if df[term] <= limit:
                    docs, weights = lists[term]
                    docs.append(i)
                    weights.append(weight)
        self.postings = {
            t: (np.array(d, dtype=np.int64), np.array(w, dtype=np.float64))
            for t, (d, w) in lists.items()
        }

    def dots(self, vector: Mapping[str, float]) -> np.ndarray:
        scores = np.zeros(self.size)
        for term, weight in vector.items():
            posting = self.postings.get(term)
            if posting is not None:
                scores[posting[0]] += weight * posting[1]  # a document is once per posting
        return scores


# --- the engine ------------------------------------------------------------------------------


class _Best:
    """For each other profile, the best match of one direction: value, their doc, my doc."""

    def __init__(self, n: int) -> None:
        self.value = np.zeros(n)
        self.theirs = np.full(n, -1, dtype=np.int64)
        self.mine = np.full(n, -1, dtype=np.int64)

    def update(self, owners: np.ndarray, values: np.ndarray, docs: np.ndarray, mine: int) -> None:
        order = np.argsort(values, kind="stable")  # ascending: for repeated owners the last wins
        owners, values, docs = owners[order], values[order], docs[order]
        better = values > self.value[owners]
        who = owners[better]
        self.value[who] = values[better]
        self.theirs[who] = docs[better]
        self.mine[who] = mine


def recommend(
    profiles: Iterable[Profile],
    *,
    for_ids: Iterable[int] | None = None,
    limit: int = 10,
    exclude: Mapping[int, Iterable[int]] | None = None,
    can_meet: Callable[[int, int], bool] | None = None,
) -> dict[int, list[Recommendation]]:
    """For each profile of ``for_ids`` (default: all), the best ``limit`` others to meet.

    ``exclude`` maps a profile id to ids not to propose (already met, declined, "no thanks");
    ``can_meet(a, b)`` applies the session's rules on who may meet whom. Colleagues (same
    organisation) are never proposed to each other. Ties are broken by id: the result does not
    depend on the order of the profiles.
    """
    profiles = list(profiles)
    n = len(profiles)
    position = {p.id: i for i, p in enumerate(profiles)}
    wanted = [position[i] for i in (for_ids if for_ids is not None else position) if i in position]
    surface: dict[str, Counter] = defaultdict(Counter)

    opp_counts = []  # (profile index, Opportunity, counts)
    profile_counts = []
    for i, p in enumerate(profiles):
        total: Counter = Counter()
        for opp in p.opportunities:
            counts = _counts(f"{opp.title} {opp.title} {opp.text}", opp.sectors, surface)
            opp_counts.append((i, opp, counts))
            total.update(counts)
        total.update(_counts(p.text, (), surface))
        profile_counts.append(total)

    idf = _idf(profile_counts)
    offers: list[_Doc] = []
    requests: list[_Doc] = []
    mine: dict[int, list[tuple[_Doc, int, bool]]] = defaultdict(list)
    for i, opp, counts in opp_counts:
        doc = _Doc(owner=i, vector=_weigh(counts, idf), title=opp.title, id=opp.id)
        side = offers if opp.kind == OFFER else requests
        mine[i].append((doc, len(side), opp.kind == OFFER))
        side.append(doc)
    vectors = [_weigh(counts, idf) for counts in profile_counts]
    offer_index = _Index([d.vector for d in offers])
    request_index = _Index([d.vector for d in requests])
    profile_index = _Index(vectors)
    offer_owner = np.array([d.owner for d in offers], dtype=np.int64)
    request_owner = np.array([d.owner for d in requests], dtype=np.int64)

    sectors = [_all_sectors(p) for p in profiles]
    columns = {name: j for j, name in enumerate(sorted(set().union(*sectors)))}
    member = np.zeros((n, len(columns)))
    for i, names in enumerate(sectors):
        member[i, [columns[x] for x in names]] = 1.0
    sizes = member.sum(axis=1)
    orgs = np.array(
        [
            p.organisation_id if p.organisation_id is not None else -1 - i
            for i, p in enumerate(profiles)
        ],
        dtype=np.int64,
    )
    ids = np.array([p.id for p in profiles], dtype=np.int64)

    excluded = {k: set(v) for k, v in (exclude or {}).items()}
    result: dict[int, list[Recommendation]] = {}
    for a in wanted:
        me = profiles[a]
        theirs, answered = _Best(n), _Best(n)  # their offer answers me / my offer answers them
        matches = np.zeros(n, dtype=np.int64)
        for doc, k, is_offer in mine[a]:
            index, owners = (
                (request_index, request_owner) if is_offer else (offer_index, offer_owner)
            )
            scores = index.dots(doc.vector)
            hit = np.nonzero(scores >= MIN_MATCH)[0]
            if hit.size:
                np.add.at(matches, owners[hit], 1)
                best = answered if is_offer else theirs
                weight = MY_OFFER if is_offer else THEIR_OFFER
                best.update(owners[hit], scores[hit] * weight, hit, k)
        complement = np.maximum(theirs.value, answered.value)
        similarity = profile_index.dots(vectors[a])
        with np.errstate(divide="ignore", invalid="ignore"):
            overlap = np.nan_to_num((member @ member[a]) / np.sqrt(sizes * sizes[a]))
        score = np.where(
            complement > 0,
            1.0 + complement + 0.05 * np.clip(matches - 1, 0, 3) + 0.2 * similarity + 0.1 * overlap,
            np.where(
                (similarity >= MIN_SIMILARITY) | (overlap > 0),
                0.6 * similarity + 0.4 * overlap,
                0.0,
            ),
        )
        score[orgs == orgs[a]] = 0.0  # oneself and colleagues
        candidates = np.nonzero(score > 0)[0]
        ranked = candidates[np.lexsort((ids[candidates], -score[candidates]))]
        out: list[Recommendation] = []
        gone = excluded.get(me.id, ())
        for b in ranked:
            other = profiles[b]
            if other.id in gone or (can_meet is not None and not can_meet(me.id, other.id)):
                continue
            reasons = []
            for best, kind, own, their in (
                (theirs, ReasonKind.THEIR_OFFER_ANSWERS_MY_REQUEST, requests, offers),
                (answered, ReasonKind.MY_OFFER_ANSWERS_THEIR_REQUEST, offers, requests),
            ):
                if best.theirs[b] >= 0:
                    m, t = own[best.mine[b]], their[best.theirs[b]]
                    reasons.append(
                        Reason(kind, mine=m.title, theirs=t.title, mine_id=m.id, theirs_id=t.id)
                    )
            reasons += _other_reasons(
                sectors[a] & sectors[b], similarity[b], vectors[a], vectors[b], surface
            )
            out.append(Recommendation(other.id, round(float(score[b]), 4), tuple(reasons)))
            if len(out) >= limit:
                break
        result[me.id] = out
    return result


def _all_sectors(profile: Profile) -> frozenset[str]:
    out = set(profile.sectors)
    for opp in profile.opportunities:
        out |= opp.sectors
    return frozenset(out)


def _other_reasons(shared, similarity: float, mine: Mapping, theirs: Mapping, surface) -> list:
    out = []
    if shared:
        out.append(Reason(ReasonKind.SHARED_SECTORS, words=tuple(sorted(shared))))
    if similarity >= MIN_SIMILARITY:
        common = sorted(
            (t for t in mine.keys() & theirs.keys() if not t.startswith("#")),
            key=lambda t: (-mine[t] * theirs[t], t),
        )[:3]
        if common:
            out.append(
                Reason(
                    ReasonKind.SIMILAR_INTERESTS,
                    words=tuple(surface[t].most_common(1)[0][0] for t in common),
                )
            )
    return out
