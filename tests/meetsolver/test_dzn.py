"""The reader of the JAIR 2022 benchmark files."""

from __future__ import annotations

import csv

import pytest

from meetsolver import InstanceError, Session, read_dzn
from meetsolver.instance import overloaded

SMALL = """
% three businesses, two meetings
nBusiness = 3; nMeetings = 2; nTables = 1; nTotalSlots = 4; nMorningSlots = 2;
requested = [| 1, 2, 1
             | 1, 3, 3 |];
meetingsxBusiness = [{1, 2, 3}, {1, 2}, {1, 3}];
nMeetingsBusiness = [2, 1, 1];
forbidden = [{0}, {0, 4}, {}];
fixed = [0, 3];
precedences = [{}, {1}];
"""


def test_reads_every_item():
    inst = read_dzn(SMALL)
    assert [s.session for s in inst.slots] == [Session.AM, Session.AM, Session.PM, Session.PM]
    assert {s.day for s in inst.slots} == {1}
    assert inst.tables == 1
    assert inst.fairness == 2
    first, second = inst.requests
    assert first.participants == (0, 1) and first.session == Session.AM
    assert second.session is None and second.fixed_slot == 2
    assert second.after == frozenset({0})
    assert all(r.required and r.weight == 1 for r in inst.requests)
    assert inst.participants[1].unavailable == frozenset({3})  # the dummy 0 is ignored
    assert inst.participants[0].unavailable == frozenset()


def test_fairness_is_a_parameter():
    assert read_dzn(SMALL, fairness=0).fairness == 0
    assert read_dzn(SMALL, fairness=None).fairness is None


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "| 1, 3, 3 |]",
            "| 1, 71, 3 |]",
            "requested row 2: participant 71 does not exist (nBusiness = 3)",
        ),
        ("| 1, 2, 1", "| 1, 2, 7", "requested row 1: session 7"),
        ("fixed = [0, 3]", "fixed = [0, 9]", "fixed item 2: slot 9 does not exist"),
        ("{0, 4}, {}]", "{0, 5}, {}]", "forbidden item 2: slot 5 does not exist"),
        ("precedences = [{}, {1}]", "precedences = [{}, {2}]", "precedences item 2"),
        ("nTables = 1;", "", "nTables: missing"),
        (
            "nMeetingsBusiness = [2, 1, 1]",
            "nMeetingsBusiness = [2, 2, 1]",
            "nMeetingsBusiness item 2",
        ),
        ("nTotalSlots = 4", "nTotalSlots = four", "nTotalSlots: 'four' is not a whole number"),
    ],
)
def test_malformed_input_names_item_and_position(old, new, message):
    assert old in SMALL
    with pytest.raises(InstanceError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_dzn(SMALL.replace(old, new))


def test_all_benchmark_files(jair_dir):
    rows = [
        line for line in (jair_dir / "published_results.tsv").open() if not line.startswith("#")
    ]
    published = {row["instance"]: row for row in csv.DictReader(rows, delimiter="\t")}
    files = sorted((jair_dir / "instances").glob("*.dzn"))
    assert len(files) == 140
    for path in files:
        name, variant = path.name.removesuffix(".dzn").split(".", 1)
        inst = read_dzn(path)
        if overloaded(inst):
            # A participant with more meetings than free slots: infeasible, as the paper says.
            assert "free slots" in overloaded(inst)[0]
            assert published[name][f"opt_{variant.removesuffix('-Forb')}_d2"].strip() == "-"
            continue
        assert inst.name == path.name.removesuffix(".dzn")
        assert all(len(r.participants) == 2 for r in inst.requests)
        text = path.read_text()
        assert f"nMeetings = {len(inst.requests)};" in text
