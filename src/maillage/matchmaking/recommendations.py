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

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from maillage.ecosystem.text import fold
from maillage.matchmaking.terms import words

OFFER, REQUEST = "offer", "request"
MIN_MATCH = 0.18  # cosine from which a request and an offer are said to match
MIN_SIMILARITY = 0.08  # cosine from which two profiles are said to be alike
THEIR_OFFER, MY_OFFER = 1.0, 0.9  # being answered weighs a little more than answering
MAX_MATCH_REASONS = 2  # per direction
# Terms carried by more than this share of documents say little and cost much: skipped.
COMMON_SHARE = 0.2
COMMON_MIN = 25


class ReasonKind(StrEnum):
    THEIR_OFFER_ANSWERS_MY_REQUEST = "their_offer"
    MY_OFFER_ANSWERS_THEIR_REQUEST = "my_offer"
    SHARED_SECTORS = "sectors"
    SIMILAR_INTERESTS = "similar"


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
    """Inverted index of unit vectors: term -> [(document, weight)], common terms left out."""

    def __init__(self, docs: list[_Doc]) -> None:
        df: Counter = Counter()
        for doc in docs:
            df.update(doc.vector.keys())
        limit = max(COMMON_MIN, COMMON_SHARE * len(docs))
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, doc in enumerate(docs):
            for term, weight in doc.vector.items():
                if df[term] <= limit:
                    self.postings[term].append((i, weight))

    def dots(self, vector: Mapping[str, float]) -> dict[int, float]:
        scores: dict[int, float] = defaultdict(float)
        postings = self.postings
        for term, weight in vector.items():
            for doc, other in postings.get(term, ()):
                scores[doc] += weight * other
        return scores


# --- the engine ------------------------------------------------------------------------------


@dataclass
class _Pair:
    complement: float = 0.0
    matches: list = field(default_factory=list)  # (value, Reason)
    similarity: float = 0.0
    sectors: tuple[str, ...] = ()


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
    organisation) are never proposed to each other.
    """
    profiles = list(profiles)
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
    offers, requests = [], []
    for i, opp, counts in opp_counts:
        doc = _Doc(owner=i, vector=_weigh(counts, idf), title=opp.title, id=opp.id)
        (offers if opp.kind == OFFER else requests).append(doc)
    vectors = [_weigh(counts, idf) for counts in profile_counts]
    offer_index, request_index = _Index(offers), _Index(requests)
    profile_index = _Index([_Doc(owner=i, vector=v) for i, v in enumerate(vectors)])
    by_owner: dict[int, list[_Doc]] = defaultdict(list)
    for doc in offers + requests:
        by_owner[doc.owner].append(doc)
    offer_ids = {id(d) for d in offers}

    sector_members: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        for s in _all_sectors(p):
            sector_members[s].append(i)

    excluded = {k: set(v) for k, v in (exclude or {}).items()}
    result: dict[int, list[Recommendation]] = {}
    for a in wanted:
        me = profiles[a]
        pairs: dict[int, _Pair] = defaultdict(_Pair)
        for doc in by_owner.get(a, ()):
            mine_is_offer = id(doc) in offer_ids
            index, others = (request_index, requests) if mine_is_offer else (offer_index, offers)
            for j, value in index.dots(doc.vector).items():
                if value < MIN_MATCH:
                    continue
                other = others[j]
                if mine_is_offer:
                    kind, weight = ReasonKind.MY_OFFER_ANSWERS_THEIR_REQUEST, MY_OFFER
                else:
                    kind, weight = ReasonKind.THEIR_OFFER_ANSWERS_MY_REQUEST, THEIR_OFFER
                reason = Reason(
                    kind, mine=doc.title, theirs=other.title, mine_id=doc.id, theirs_id=other.id
                )
                pair = pairs[other.owner]
                pair.matches.append((value * weight, reason))
                pair.complement = max(pair.complement, value * weight)
        for b, value in profile_index.dots(vectors[a]).items():
            pairs[b].similarity = value
        mine_sectors = _all_sectors(me)
        for s in mine_sectors:
            for b in sector_members[s]:
                pairs[b]  # noqa: B018  (creates the pair: sharing a sector is a reason)
        ranked = []
        for b, pair in pairs.items():
            other = profiles[b]
            if b == a or (
                me.organisation_id is not None and me.organisation_id == other.organisation_id
            ):
                continue
            if other.id in excluded.get(me.id, ()) or (can_meet and not can_meet(me.id, other.id)):
                continue
            pair.sectors = tuple(sorted(mine_sectors & _all_sectors(other)))
            score = _score(pair, len(mine_sectors), len(_all_sectors(other)))
            if score > 0:
                ranked.append((score, -other.id, b, pair))
        best = heapq.nlargest(limit, ranked, key=lambda item: (item[0], item[1]))
        result[me.id] = [
            Recommendation(
                participant_id=profiles[b].id,
                score=round(score, 4),
                reasons=_reasons(pair, vectors[a], vectors[b], surface),
            )
            for score, _neg, b, pair in best
        ]
    return result


def _all_sectors(profile: Profile) -> frozenset[str]:
    out = set(profile.sectors)
    for opp in profile.opportunities:
        out |= opp.sectors
    return frozenset(out)


def _score(pair: _Pair, mine: int, theirs: int) -> float:
    overlap = len(pair.sectors) / math.sqrt(mine * theirs) if pair.sectors else 0.0
    if pair.complement >= MIN_MATCH * MY_OFFER:
        extra = min(len(pair.matches) - 1, 3) * 0.05
        return 1.0 + pair.complement + extra + 0.2 * pair.similarity + 0.1 * overlap
    if pair.similarity < MIN_SIMILARITY and not pair.sectors:
        return 0.0
    return 0.6 * pair.similarity + 0.4 * overlap  # below 1: under any complementary pair


def _reasons(pair: _Pair, mine: Mapping, theirs: Mapping, surface) -> tuple[Reason, ...]:
    out = []
    for kind in (
        ReasonKind.THEIR_OFFER_ANSWERS_MY_REQUEST,
        ReasonKind.MY_OFFER_ANSWERS_THEIR_REQUEST,
    ):
        matches = sorted(
            (m for m in pair.matches if m[1].kind == kind), key=lambda m: (-m[0], m[1].theirs)
        )
        out += [reason for _value, reason in matches[:MAX_MATCH_REASONS]]
    if pair.sectors:
        out.append(Reason(ReasonKind.SHARED_SECTORS, words=pair.sectors))
    if pair.similarity >= MIN_SIMILARITY:
        shared = sorted(
            (t for t in mine.keys() & theirs.keys() if not t.startswith("#")),
            key=lambda t: (-mine[t] * theirs[t], t),
        )[:3]
        if shared:
            common = tuple(surface[t].most_common(1)[0][0] for t in shared)
            out.append(Reason(ReasonKind.SIMILAR_INTERESTS, words=common))
    return tuple(out)
