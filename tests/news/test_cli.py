"""The command line: the JSON shape of the issue, on an empty directory; the evaluation."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.news.conftest import DATA


def run(*args) -> dict:
    out = io.StringIO()
    call_command("news", *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_extract_prints_the_documented_shape_without_any_data():
    files = [str(DATA / "dev/fr-01.txt"), str(DATA / "dev/en-03.txt")]
    result = run("extract", *files, "--json")
    assert set(result) == {"documents"}
    fr, en = result["documents"]
    for doc in (fr, en):
        assert set(doc) == {
            "file",
            "language",
            "organisations",
            "agreements",
            "events",
            "delegations",
        }
        for org in doc["organisations"]:
            assert set(org) == {"name", "kind", "country"}
        for a in doc["agreements"]:
            assert set(a) == {"parties", "kind", "date"}
        for e in doc["events"]:
            assert set(e) == {"name", "kind", "place", "start"}
        for d in doc["delegations"]:
            assert set(d) == {"from", "to", "date"}
    assert (fr["language"], en["language"]) == ("fr", "en")
    assert {
        "parties": ["Sophia Antipolis", "Chengdu Hi-tech Industrial Development Zone"],
        "kind": "twinning",
        "date": "2024-07-02",
    } in fr["agreements"]
    assert {"from": "Genopole", "to": "Research Triangle Foundation", "date": ""} in en[
        "delegations"
    ]


@pytest.mark.django_db
def test_extract_reports_an_unreadable_file_and_goes_on(tmp_path):
    german = tmp_path / "de.txt"
    german.write_text(
        "Der Technologiepark hat heute eine neue Vereinbarung mit einem Partner "
        "aus Japan unterzeichnet, um die Zusammenarbeit zu stärken.",
        encoding="utf-8",
    )
    result = run("extract", str(german), str(DATA / "dev/en-01.txt"), "--json")
    assert result["documents"][0] == {"file": str(german), "error": "language not supported: de"}
    assert result["documents"][1]["language"] == "en"


@pytest.mark.django_db
def test_extract_refuses_a_missing_file():
    with pytest.raises(CommandError, match="no such file"):
        run("extract", "/nonexistent/article.txt", "--json")


@pytest.mark.django_db
def test_evaluate_scores_each_type():
    result = run("evaluate", str(DATA / "gold.json"), "--split", "unseen")
    assert result["documents"] == 14
    assert set(result["scores"]) >= {"organisations", "agreements", "events", "delegations"}
    assert 0 <= result["scores"]["organisations"]["f1"] <= 1
