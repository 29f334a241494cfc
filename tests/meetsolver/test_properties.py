"""Properties over small random instances: whatever solve() returns passes the independent check,
every meeting left out gets a reason, and the JSON formats round-trip."""

import json
import os
from dataclasses import replace

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from meetsolver import (
    Instance,
    InstanceError,
    Mode,
    Participant,
    Request,
    Session,
    SolveConfig,
    Status,
)
from meetsolver.explain import explain
from meetsolver.jsonio import (
    instance_from_dict,
    instance_to_dict,
)
from meetsolver.verify import evaluate, verify

from .instances import day_slots

# Random instances may order optional requests too (the order applies only when both are held).
OPTIONAL_PRECEDENCE = True


@st.composite
def instances(draw):
    days = draw(st.integers(1, 2))
    per_day = draw(st.integers(2, 5))
    slots = day_slots(days, per_day, am=draw(st.integers(0, per_day)))
    n_slots = len(slots)
    tables = draw(st.integers(0, 3))
    rooms = draw(st.integers(0, 1))
    n = draw(st.integers(2, 6))
    people = []
    for i in range(n):
        people.append(
            Participant(
                id=f"p{i + 1}",
                unavailable=frozenset(
                    draw(st.sets(st.integers(0, n_slots - 1), max_size=n_slots // 2))
                ),
                max_meetings=draw(st.none() | st.integers(0, n_slots)),
                mode=draw(
                    st.sampled_from([Mode.BOTH, Mode.BOTH, Mode.BOTH, Mode.ONSITE, Mode.ONLINE])
                ),
                reserved_table=draw(st.none() | st.none() | st.integers(0, tables - 1))
                if tables
                else None,
            )
        )
    requests = []
    for r in range(draw(st.integers(1, 9))):
        members = draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=min(3, n), unique=True))
        requests.append(
            Request(
                participants=tuple(members),
                weight=draw(st.integers(0, 3)),
                required=draw(st.booleans()) and draw(st.booleans()) and draw(st.booleans()),
                session=draw(st.none() | st.none() | st.sampled_from([Session.AM, Session.PM])),
                fixed_slot=draw(st.none() | st.none() | st.none() | st.integers(0, n_slots - 1)),
                after=frozenset(draw(st.sets(st.integers(0, r - 1), max_size=1)))
                if r
                else frozenset(),
                online=draw(st.none() | st.none() | st.booleans()),
            )
        )
    if not OPTIONAL_PRECEDENCE:
        requests = [
            replace(
                req, after=frozenset(a for a in req.after if req.required and requests[a].required)
            )
            for req in requests
        ]
    try:
        return Instance(
            slots=slots,
            tables=tables,
            participants=tuple(people),
            requests=tuple(requests),
            online_rooms=rooms,
            fairness=draw(st.none() | st.integers(0, 2)),
        )
    except InstanceError:
        assume(False)


QUICK = settings(
    max_examples=int(os.environ.get("MEETSOLVER_EXAMPLES", "20")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@QUICK
@given(instances())
def test_every_schedule_verifies_and_is_explained(inst):
    from meetsolver.solve import solve

    solution = solve(inst, SolveConfig(time_limit=3, workers=2, seed=0))
    assert verify(inst, solution) == []
    if solution.status in (Status.OPTIMAL, Status.FEASIBLE):
        held = {a.request for a in solution.assignments}
        reasons = explain(inst, solution)
        assert [r for r, _ in reasons] == [r for r in range(len(inst.requests)) if r not in held]
        assert all(reason for _, reason in reasons)
        values = evaluate(inst, solution.assignments)
        assert solution.objective["weight"] == values["weight"]
        assert solution.objective["breaks"] == values["breaks"]
    else:
        assert solution.assignments == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(instances())
def test_json_round_trip(inst):
    again = instance_from_dict(json.loads(json.dumps(instance_to_dict(inst))))
    assert again == inst


def test_precedence_between_optional_requests():
    from meetsolver.solve import solve

    inst = Instance(
        slots=day_slots(1, 3),
        tables=1,
        participants=(Participant("p1"), Participant("p2")),
        requests=(Request((0, 1), weight=1), Request((0, 1), weight=1, after=frozenset({0}))),
    )
    solution = solve(inst, SolveConfig(time_limit=3))
    assert verify(inst, solution) == []
    assert solution.objective["weight"] == 2
