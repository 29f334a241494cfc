"""The JSON formats: round trips, 1-based numbering, and errors that name the offending item."""

import copy
import json

import pytest

from meetsolver import (
    Assignment,
    InstanceError,
    Mode,
    Session,
    Solution,
    SolveConfig,
    Status,
    solve,
)
from meetsolver.jsonio import (
    instance_from_dict,
    instance_to_dict,
    parse_instance,
    solution_from_dict,
    solution_to_dict,
)

BASE = {
    "slots": [
        {"day": 1, "session": "am"},
        {"day": 1, "session": "am"},
        {"day": 1, "session": "pm"},
    ],
    "tables": 2,
    "online_rooms": 1,
    "participants": [
        {
            "id": "p1",
            "unavailable": [2],
            "max_meetings": 2,
            "min_meetings": 0,
            "mode": "both",
            "reserved_table": None,
        },
        {"id": "p2", "mode": "online"},
        {"id": "p3", "reserved_table": 2},
    ],
    "requests": [
        {
            "participants": ["p1", "p2"],
            "weight": 3,
            "required": False,
            "session": None,
            "fixed_slot": None,
            "after": [],
            "online": None,
        },
        {
            "participants": ["p1", "p3"],
            "weight": 2,
            "required": True,
            "session": "pm",
            "fixed_slot": 3,
        },
        {"participants": ["p2", "p3", "p1"], "after": [1, 2], "online": True},
    ],
    "fairness": 2,
}


def with_change(path, value):
    data = copy.deepcopy(BASE)
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


def test_reads_one_based_into_zero_based():
    inst = instance_from_dict(BASE)
    assert inst.n_slots == 3 and inst.tables == 2 and inst.online_rooms == 1 and inst.fairness == 2
    p1, p2, p3 = inst.participants
    assert p1.unavailable == frozenset({1}) and p1.max_meetings == 2
    assert p2.mode == Mode.ONLINE and p3.reserved_table == 1
    r1, r2, r3 = inst.requests
    assert r1.participants == (0, 1) and r1.weight == 3 and not r1.required
    assert r2.required and r2.session == Session.PM and r2.fixed_slot == 2
    assert r3.participants == (1, 2, 0) and r3.after == frozenset({0, 1}) and r3.online is True
    assert r3.weight == 1  # the default


def test_round_trip():
    inst = instance_from_dict(BASE)
    again = instance_from_dict(json.loads(json.dumps(instance_to_dict(inst))))
    assert again == inst


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            ("requests", 2, "participants", 1),
            "p99",
            "requests[2].participants[1]: unknown participant 'p99'",
        ),
        (
            ("requests", 0, "participants", 1),
            "p1",
            "requests[0].participants[1]: 'p1' is named twice in the same meeting",
        ),
        (
            ("requests", 0, "participants"),
            ["p1"],
            "requests[0].participants: a meeting has 2 to 4 participants, not 1",
        ),
        (("requests", 0, "weight"), -1, "requests[0].weight: -1 is below 0"),
        (
            ("requests", 0, "weight"),
            "3",
            'requests[0].weight: expected a whole number, got a text ("3")',
        ),
        (
            ("requests", 0, "weight"),
            2.5,
            "requests[0].weight: expected a whole number, got a number (2.5)",
        ),
        (
            ("requests", 0, "required"),
            1,
            "requests[0].required: expected true or false, got a number",
        ),
        (
            ("requests", 0, "fixed_slot"),
            4,
            "requests[0].fixed_slot: slot 4 does not exist (there are 3)",
        ),
        (("requests", 0, "fixed_slot"), 0, "requests[0].fixed_slot: 0 is below 1"),
        (("requests", 0, "after"), [1], "requests[0].after[0]: a meeting cannot come after itself"),
        (("requests", 0, "after"), [7], "requests[0].after[0]: request 7 does not exist"),
        (("requests", 0, "session"), "evening", 'requests[0].session: "evening" is not a session'),
        (("requests", 0, "colour"), "red", "requests[0]: unknown key 'colour'; allowed keys are"),
        (("participants", 1, "mode"), "remote", 'participants[1].mode: "remote" is not a mode'),
        (
            ("participants", 0, "unavailable"),
            [5],
            "participants[0].unavailable[0]: slot 5 does not exist",
        ),
        (("participants", 0, "max_meetings"), -2, "participants[0].max_meetings: -2 is below 0"),
        (
            ("participants", 0, "min_meetings"),
            3,
            "participants[0]: min_meetings 3 exceeds max_meetings 2",
        ),
        (
            ("participants", 2, "reserved_table"),
            3,
            "participants[2].reserved_table: table 3 does not exist",
        ),
        (
            ("participants", 2, "id"),
            "p1",
            "participants[2].id: 'p1' is already the id of participants[0]",
        ),
        (
            ("participants", 2, "id"),
            3,
            "participants[2].id: expected a non-empty text, got a number",
        ),
        (("slots", 1, "day"), None, "slots[1].day: is missing"),
        (("slots", 1), "am", "slots[1]: expected an object, got a text"),
        (("tables",), KeyError, "the instance has no 'tables'"),
        (("tables",), -1, "tables: -1 is below 0"),
        (("tables",), True, "tables: expected a whole number, got true/false"),
        (("participants",), {}, "participants: expected a list, got an object"),
        (("extra",), 1, "the instance: unknown key 'extra'"),
    ],
)
def test_bad_input_names_the_item(path, value, message):
    with pytest.raises(InstanceError) as err:
        instance_from_dict(with_change(path, value))
    assert message in str(err.value)


def test_more_required_meetings_than_free_slots_is_infeasible_not_bad_input():
    data = copy.deepcopy(BASE)
    data["participants"][0]["unavailable"] = [1, 2]
    data["requests"][0]["required"] = True
    data["requests"][1] = {"participants": ["p1", "p3"], "required": True}
    inst = instance_from_dict(data)  # well formed
    sol = solve(inst, SolveConfig(time_limit=5))
    assert sol.status is Status.INFEASIBLE
    assert sol.conflicts == [
        "participant 1 ('p1') has 2 required meetings but only 1 free slots; "
        "remove required meetings or free some slots"
    ]
    assert solution_to_dict(inst, sol)["conflicts"] == sol.conflicts


def test_malformed_json():
    with pytest.raises(InstanceError, match="malformed JSON at line 1, column 12"):
        parse_instance('{"slots": [}')


def test_solution_output_is_one_based_with_table_or_room():
    inst = instance_from_dict(BASE)
    solution = Solution(
        status=Status.OPTIMAL,
        assignments=[Assignment(1, 2, table=1), Assignment(0, 0, room=0)],
        objective={"weight": 3, "breaks": 0},
        bound={"breaks": 0},
        unscheduled=[(2, "p2 and p3 have no common free slot")],
        seconds=1.23456,
    )
    out = solution_to_dict(inst, solution)
    assert out["status"] == "optimal"
    assert out["meetings"] == [
        {"meeting": 1, "slot": 1, "room": 1, "participants": ["p1", "p2"]},
        {"meeting": 2, "slot": 3, "table": 2, "participants": ["p1", "p3"]},
    ]
    assert out["unscheduled"] == [{"meeting": 3, "reason": "p2 and p3 have no common free slot"}]
    assert out["seconds"] == 1.235 and "conflicts" not in out
    back = solution_from_dict(json.loads(json.dumps(out)))
    assert sorted(back.assignments, key=lambda a: a.request) == [
        Assignment(0, 0, room=0),
        Assignment(1, 2, table=1),
    ]
    assert back.status == Status.OPTIMAL and back.unscheduled == solution.unscheduled


def test_infeasible_output_lists_conflicts():
    inst = instance_from_dict(BASE)
    out = solution_to_dict(
        inst, Solution(status=Status.INFEASIBLE, conflicts=["request 2 cannot be in slot 3"])
    )
    assert out["conflicts"] == ["request 2 cannot be in slot 3"] and out["meetings"] == []


def test_bad_solution_file():
    with pytest.raises(InstanceError, match=r"meetings\[0\]: 'slot' is missing"):
        solution_from_dict({"status": "optimal", "meetings": [{"meeting": 1}]})
    with pytest.raises(InstanceError, match="status: 'great' is not one of"):
        solution_from_dict({"status": "great"})
