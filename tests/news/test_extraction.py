"""Extraction on the annotated set: the floors hold on the part we never tuned on."""

from __future__ import annotations

import json

import pytest

from maillage.news import documents
from maillage.news.extraction import extract
from maillage.news.extraction.evaluation import evaluate
from maillage.news.extraction.gazetteer import Entry, Gazetteer
from maillage.news.extraction.linking import link
from tests.news.conftest import DATA

# Targets of the issue: organisations 0.85, agreements 0.70, events 0.70 (on unseen news).
# The floors sit just under what each held-out part gives (docs/news.md): on unseen/ the
# organisations' and events' targets are met, the agreements' is not; unseen2/ (scored once,
# at the end of the last round) meets none yet, and these floors say so.
UNSEEN_FLOORS = {"organisations": 0.91, "agreements": 0.60, "events": 0.75}
UNSEEN2_FLOORS = {"organisations": 0.82, "agreements": 0.38, "events": 0.50}
DEV_FLOORS = {"organisations": 0.92, "agreements": 0.90, "events": 0.95}


@pytest.fixture(scope="module")
def scores():
    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    result = {}
    for split in ("dev", "unseen", "unseen2"):
        pairs = []
        for doc in (d for d in gold["documents"] if d["split"] == split):
            text = documents.read_path(DATA / doc["file"]).text
            pairs.append((doc, extract(text).as_json(explain=True)))
        result[split] = evaluate(pairs)
    return result


@pytest.mark.parametrize("kind", sorted(UNSEEN_FLOORS))
def test_unseen_floors(scores, kind):
    assert scores["unseen"][kind]["f1"] >= UNSEEN_FLOORS[kind], scores["unseen"]


@pytest.mark.parametrize("kind", sorted(UNSEEN2_FLOORS))
def test_second_unseen_floors(scores, kind):
    assert scores["unseen2"][kind]["f1"] >= UNSEEN2_FLOORS[kind], scores["unseen2"]


@pytest.mark.parametrize("kind", sorted(DEV_FLOORS))
def test_dev_floors(scores, kind):
    assert scores["dev"][kind]["f1"] >= DEV_FLOORS[kind], scores["dev"]


def test_the_set_has_both_languages_and_a_held_out_part():
    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    docs = gold["documents"]
    assert len(docs) >= 30
    assert {d["language"] for d in docs} == {"fr", "en"}
    assert sum(d["split"] == "unseen" for d in docs) >= 12
    assert sum(d["split"] == "unseen2" for d in docs) >= 12


def test_each_fact_keeps_its_sentence():
    text = (
        "Genopole et le Research Triangle Park ont signé le 3 mars 2025 une convention "
        "de coopération à Évry."
    )
    found = extract(text)
    (agreement,) = found.agreements
    assert set(agreement.parties) == {"Genopole", "Research Triangle Park"}
    assert agreement.kind == "cooperation" and agreement.date == "2025-03-03"
    a, b = agreement.span
    assert text[a:b].lower().startswith("convention de coop")


def test_directory_names_are_found_whatever_accents_article_or_acronym():
    gazetteer = Gazetteer.build(
        [
            Entry(id=1, name="Génopole", kind="park", country="FR"),
            Entry(id=2, name="Research Triangle Park", kind="park", country="US"),
            Entry(id=3, name="inovallée", kind="park", country="FR"),
        ]
    )
    assert link(["GENOPOLE"], gazetteer).entry.id == 1
    assert link(["la Genopole"], gazetteer).entry.id == 1
    assert link(["RTP"], gazetteer).entry.id == 2
    assert link(["Research Triangle Park Inc"], gazetteer).score == 1.0
    assert link(["Planktovie"], gazetteer) is None
    found = extract(
        "inovallée a signé un accord de jumelage avec Genopole le 2 mai 2025.", gazetteer=gazetteer
    )
    assert {o.entry_id for o in found.organisations} >= {1, 3}
    assert found.agreements[0].kind == "twinning"


def test_title_and_acronym_are_one_organisation():
    found = extract(
        "Genopole renews with RTP\n\nResearch Triangle Park (RTP) and Genopole "
        "renewed their cooperation agreement on 4 March 2025."
    )
    names = [o.name for o in found.organisations]
    assert names.count("Research Triangle Park") == 1 and "RTP" not in names


def test_the_stated_parties_not_the_startups_beside_them():
    found = extract(
        "Oulu, 8 April 2025 — A cooperation agreement between Oulu Science Park and Tampere "
        "Hub was renewed on 8 April 2025 to support startups such as Arctic Sensing and "
        "Borealis Labs."
    )
    assert [sorted(a.parties) for a in found.agreements] == [["Oulu Science Park", "Tampere Hub"]]


def test_two_editions_of_an_event_stay_two():
    found = extract(
        "Sophia Antipolis, 19 September 2025 — The 42nd IASP World Conference was held in "
        "Beijing in 2025. The 43rd IASP World Conference will take place in Nice in 2026."
    )
    assert sorted(e.name for e in found.events) == [
        "42nd IASP World Conference",
        "43rd IASP World Conference",
    ]


def test_evaluation_lists_the_errors_by_file():
    gold = {
        "file": "a.txt",
        "organisations": [{"name": "Genopole", "aliases": []}],
        "agreements": [],
        "events": [{"name": "Forum 2025", "aliases": []}],
        "delegations": [],
    }
    found = {"organisations": [], "agreements": [], "events": [], "delegations": []}
    errors: dict[str, list[str]] = {}
    evaluate([(gold, found)], errors)
    assert errors == {"a.txt": ["event missed: 'Forum 2025'"]}
