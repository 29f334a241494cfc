"""Scoring extraction against an annotated set (the gold JSON of tests/news/data, described in
docs/news.md): precision, recall and F1 per type, micro-averaged over the documents.

Matching: an organisation is found when one of the names it was found under is one of the
gold names or aliases (same name key: accents, case, article and legal form aside); an
agreement when its set of parties is the gold set; an event when its name shares at least
half of its words with the gold name or an alias; a delegation when origin and destination
both match."""

from __future__ import annotations

from dataclasses import dataclass

from maillage.ecosystem.text import fold
from maillage.news.extraction.gazetteer import name_key

TYPES = ("organisations", "agreements", "events", "delegations")
_STOP = {"de", "du", "des", "la", "le", "l", "d", "of", "the", "a", "en", "sur", "on", "in"}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def _words(name: str) -> set[str]:
    return {w for w in fold(name).split() if w not in _STOP}


def _resolver(gold_orgs: list[dict]):
    """name -> 'gold:i' for any form of a gold organisation, else its own key."""
    forms = {}
    for i, org in enumerate(gold_orgs):
        for n in [org["name"], *org.get("aliases", [])]:
            forms.setdefault(name_key(n), f"gold:{i}")

    def resolve(names) -> str:
        names = [names] if isinstance(names, str) else names
        for n in names:
            if name_key(n) in forms:
                return forms[name_key(n)]
        return name_key(names[0]) if names else ""

    return resolve


def _match_orgs(gold, found, resolve, score: Score, kinds: Score) -> dict[str, str]:
    taken, aliases = set(), {}
    for org in found:
        names = org.get("names") or [org["name"]]
        target = resolve(names)
        if target.startswith("gold:") and target not in taken:
            taken.add(target)
            score.tp += 1
            g = gold[int(target[5:])]
            kinds.tp += org["kind"] == g["kind"] or {org["kind"], g["kind"]} <= {
                "company",
                "startup",
            }
            kinds.fn += not (
                org["kind"] == g["kind"] or {org["kind"], g["kind"]} <= {"company", "startup"}
            )
        else:
            score.fp += 1
        for n in names:
            aliases[n] = target
    score.fn += len(gold) - len(taken)
    return aliases


def _event_matches(gold: dict, found: dict) -> bool:
    mine = _words(found["name"])
    for n in [gold["name"], *gold.get("aliases", [])]:
        theirs = _words(n)
        if mine and theirs and len(mine & theirs) / len(mine | theirs) >= 0.5:
            return True
    return False


def score_document(
    gold: dict, found: dict, totals: dict[str, Score], errors: list[str] | None = None
) -> None:
    """Add one document's counts to totals; with errors, also what was missed / wrong."""
    errors = [] if errors is None else errors

    def shown(keys) -> list[str]:
        return sorted(
            gold["organisations"][int(k[5:])]["name"] if k.startswith("gold:") else k for k in keys
        )

    resolve = _resolver(gold["organisations"])
    names = _match_orgs(
        gold["organisations"],
        found["organisations"],
        resolve,
        totals["organisations"],
        totals["organisation kinds"],
    )

    def who(name: str) -> str:
        return names.get(name) or resolve(name)

    gold_sets = {frozenset(resolve(p) for p in a["parties"]) for a in gold["agreements"]}
    found_sets = {frozenset(who(p) for p in a["parties"]) for a in found["agreements"]}
    s = totals["agreements"]
    s.tp += len(gold_sets & found_sets)
    s.fp += len(found_sets - gold_sets)
    s.fn += len(gold_sets - found_sets)
    errors += [f"agreement missed: {shown(x)}" for x in gold_sets - found_sets]
    errors += [f"agreement wrong: {shown(x)}" for x in found_sets - gold_sets]

    s, left = totals["events"], list(gold["events"])
    for event in found["events"]:
        hit = next((g for g in left if _event_matches(g, event)), None)
        if hit is None:
            s.fp += 1
            errors.append(f"event wrong: {event['name']!r}")
        else:
            left.remove(hit)
            s.tp += 1
    s.fn += len(left)
    errors += [f"event missed: {g['name']!r}" for g in left]

    def place_or_org(name: str) -> str:
        target = who(name)
        return target if target.startswith("gold:") else name_key(name)

    gold_pairs = {(place_or_org(d["from"]), place_or_org(d["to"])) for d in gold["delegations"]}
    found_pairs = {(place_or_org(d["from"]), place_or_org(d["to"])) for d in found["delegations"]}
    s = totals["delegations"]
    s.tp += len(gold_pairs & found_pairs)
    s.fp += len(found_pairs - gold_pairs)
    s.fn += len(gold_pairs - found_pairs)
    errors += [f"delegation missed: {shown(x)}" for x in gold_pairs - found_pairs]
    errors += [f"delegation wrong: {shown(x)}" for x in found_pairs - gold_pairs]


def evaluate(pairs, errors: dict[str, list[str]] | None = None) -> dict[str, dict]:
    """pairs: (gold document, found document) -> {type: scores}; errors, when given, gets
    each document's misses and wrong facts (agreements, events, delegations) by file."""
    totals = {t: Score() for t in (*TYPES, "organisation kinds")}
    for gold, found in pairs:
        mine: list[str] = []
        score_document(gold, found, totals, mine)
        if errors is not None and mine:
            errors[gold["file"]] = mine
    result = {t: totals[t].as_dict() for t in TYPES}
    kinds = totals["organisation kinds"]
    result["organisation kinds"] = {"accuracy": round(kinds.tp / max(1, kinds.tp + kinds.fn), 3)}
    return result
