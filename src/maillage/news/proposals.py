"""From what extraction found in an article to proposals for staff, one per fact, each linked
to the directory where it can be ('the same as' with a score) and never one they rejected."""

from __future__ import annotations

from maillage.ecosystem.text import fold
from maillage.news.enums import ProposalType
from maillage.news.extraction import Extraction
from maillage.news.extraction.gazetteer import Gazetteer
from maillage.news.extraction.linking import SAME_AS_THRESHOLD
from maillage.news.models import Article, Proposal, RejectedFact


def fingerprint(type_: str, payload: dict) -> str:
    """A fact's identity across articles: type and folded names (parties in any order)."""
    if type_ == ProposalType.ORGANISATION:
        parts = [payload.get("name", "")]
    elif type_ == ProposalType.AGREEMENT:
        parts = sorted(fold(p) for p in payload.get("parties", [])) + [payload.get("kind", "")]
    elif type_ == ProposalType.DELEGATION:
        parts = [payload.get("from", ""), payload.get("to", ""), payload.get("date", "")]
    elif type_ == ProposalType.EVENT:
        parts = [payload.get("name", ""), payload.get("start", "")[:4]]
    else:
        parts = [str(payload.get("value", "")), payload.get("what", "")]
    return f"{type_}:" + "|".join(fold(p) for p in parts)[:280]


def _fact(article: Article, type_: str, payload: dict, fact, confidence: float, **extra):
    sentence, (a, b) = fact.sentence, fact.span
    return Proposal(
        article=article,
        type=type_,
        payload=payload,
        fingerprint=fingerprint(type_, payload),
        sentence=sentence.text,
        span_start=max(0, a - sentence.start),
        span_end=max(0, b - sentence.start),
        confidence=round(confidence, 2),
        **extra,
    )


def build(article: Article, found: Extraction, gazetteer: Gazetteer) -> list[Proposal]:
    """Proposals for one article (not saved), with the organisations each one concerns."""
    proposals: list[Proposal] = []
    linked: dict[str, int] = {}  # a name as written -> directory id, for the facts' parties
    for org in found.organisations:
        best = found.links.get(org.name)
        if best is not None and best.score >= SAME_AS_THRESHOLD:
            for name in org.names:
                linked[name] = best.entry.id
            if best.score >= 0.95:
                continue  # already in the directory under this name: nothing to review
        first = org.mentions[0]
        sentence = next((s for s in _sentences(found) if s.start <= first.start < s.end), None)
        if sentence is None:
            continue
        fact = type("F", (), {"sentence": sentence, "span": (first.start, first.end)})
        payload = {
            "name": org.name,
            "kind": org.kind,
            "country": org.country,
            "city": org.city,
            "names": org.names,
        }
        confidence = 0.9 if first.source in ("directory", "pattern") else 0.6
        extra = {}
        if best is not None and best.score >= SAME_AS_THRESHOLD:
            extra = {"same_as_id": best.entry.id, "same_as_score": round(best.score, 2)}
        proposals.append(
            _fact(article, ProposalType.ORGANISATION, payload, fact, confidence, **extra)
        )
    for a in found.agreements:
        ids = [linked.get(p) for p in a.parties]
        payload = {
            "parties": a.parties,
            "party_ids": ids,
            "kind": a.kind,
            "date": a.date,
            "place": a.place,
            "covers": a.covers,
        }
        proposals.append(
            _fact(article, ProposalType.AGREEMENT, payload, a, 0.9 if all(ids) else 0.7)
        )
    for e in found.events:
        payload = {
            "name": e.name,
            "kind": e.kind,
            "place": e.place,
            "start": e.start,
            "end": e.end,
            "organisers": e.organisers,
            "organiser_ids": [linked.get(o) for o in e.organisers],
            "figures": e.figures,
        }
        proposals.append(
            _fact(article, ProposalType.EVENT, payload, e, 0.8 if e.start and e.place else 0.6)
        )
    for d in found.delegations:
        payload = {
            "from": d.origin,
            "to": d.destination,
            "date": d.date,
            "places": d.places,
            "from_id": linked.get(d.origin),
            "to_id": linked.get(d.destination),
        }
        proposals.append(
            _fact(
                article,
                ProposalType.DELEGATION,
                payload,
                d,
                0.8 if payload["from_id"] and payload["to_id"] else 0.6,
            )
        )
    in_events = {
        (f.sentence.start, f.value)
        for f in found.figures
        for e in found.events
        if e.sentence is f.sentence
    }
    for f in found.figures:
        if (f.sentence.start, f.value) not in in_events:
            proposals.append(
                _fact(article, ProposalType.FIGURE, {"value": f.value, "what": f.what}, f, 0.5)
            )
    for proposal in proposals:
        proposal._concerns = {article.source.organisation_id} | {
            i
            for i in (
                proposal.same_as_id,
                *proposal.payload.get("party_ids", []),
                proposal.payload.get("from_id"),
                proposal.payload.get("to_id"),
                *proposal.payload.get("organiser_ids", []),
            )
            if i
        }
    return proposals


def _sentences(found: Extraction):
    facts = [*found.agreements, *found.events, *found.delegations, *found.figures]
    seen = {id(f.sentence): f.sentence for f in facts}
    return list(seen.values()) + list(getattr(found, "sentences", []))


def save(proposals: list[Proposal]) -> list[Proposal]:
    """Save the proposals not rejected before for the organisations they concern."""
    kept = []
    for proposal in proposals:
        rejected = RejectedFact.objects.filter(
            fingerprint=proposal.fingerprint, organisation_id__in=proposal._concerns
        ).exists()
        waiting = Proposal.objects.filter(
            fingerprint=proposal.fingerprint,
            status="pending",
            concerns__in=proposal._concerns,
        ).exists()
        if rejected or waiting:  # rejected before, or already in the queue from another article
            continue
        proposal.save()
        proposal.concerns.set(proposal._concerns)
        kept.append(proposal)
    return kept
