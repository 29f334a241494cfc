"""Each kind of reason explain() gives for a meeting left out, on hand-made schedules."""

from meetsolver import Assignment, Instance, Mode, Participant, Request, Session, Solution, Status
from meetsolver.explain import explain

from .instances import day_slots

A = Assignment


def people(*ids, **overrides):
    return tuple(overrides.get(i, Participant(i)) for i in ids)


def reasons(inst, assignments, status=Status.OPTIMAL):
    return dict(explain(inst, Solution(status=status, assignments=list(assignments))))


def test_no_common_free_slot():
    inst = Instance(
        slots=day_slots(1, 4),
        tables=2,
        participants=people(
            "p1",
            "p2",
            "p3",
            p1=Participant("p1", unavailable=frozenset({0, 1})),
            p2=Participant("p2", unavailable=frozenset({2, 3})),
        ),
        requests=(
            Request((0, 1)),
            Request((1, 2), session=Session.PM),
            Request((0, 2), fixed_slot=1),
        ),
    )
    got = reasons(inst, [])
    assert got[0] == "p1 and p2 have no common free slot"
    assert got[1] == "p2 and p3 have no common free slot in the pm session"
    assert got[2] == "it is fixed to slot 2, where p1 is not available"


def test_maximum_reached():
    inst = Instance(
        slots=day_slots(1, 4),
        tables=2,
        participants=people("p1", "p2", "p3", p1=Participant("p1", max_meetings=1)),
        requests=(Request((0, 1)), Request((0, 2))),
    )
    assert reasons(inst, [A(0, 0, table=0)]) == {1: "p1 has reached their maximum of 1 meetings"}


def test_conflicts_with_other_meetings():
    inst = Instance(
        slots=day_slots(1, 2),
        tables=3,
        participants=people("p1", "p2", "p3", "p4"),
        requests=(Request((0, 2), weight=3), Request((1, 3), weight=3), Request((0, 1), weight=1)),
    )
    got = reasons(inst, [A(0, 0, table=0), A(1, 1, table=1)])
    assert got == {
        2: "it conflicts with higher-priority meetings: in each common free slot one of them "
        "already meets someone else (slots 1, 2)"
    }


def test_every_table_taken():
    inst = Instance(
        slots=day_slots(1, 3),
        tables=1,
        participants=people("p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"),
        requests=(Request((2, 3)), Request((4, 5)), Request((6, 7)), Request((0, 1))),
    )
    got = reasons(inst, [A(0, 0, table=0), A(1, 1, table=0), A(2, 2, table=0)])
    assert got == {3: "every table is taken in the 3 slots where both are free"}


def test_modes():
    inst = Instance(
        slots=day_slots(1, 2),
        tables=1,
        online_rooms=0,
        participants=people(
            "on",
            "site",
            "x",
            on=Participant("on", mode=Mode.ONLINE),
            site=Participant("site", mode=Mode.ONSITE),
        ),
        requests=(Request((0, 1)), Request((0, 2))),
    )
    got = reasons(inst, [])
    assert got[0] == "on meets only online and site only on site"
    assert got[1] == "on meets only online and the event has no online rooms"


def test_order_of_meetings():
    inst = Instance(
        slots=day_slots(1, 3),
        tables=2,
        participants=people("p1", "p2", "p3"),
        requests=(Request((0, 1), required=True), Request((0, 2), after=frozenset({0}))),
    )
    got = reasons(inst, [A(0, 2, table=0)])
    assert got == {
        1: "it must come after meeting 1 (slot 3), and none of its free slots (1, 2) keeps that order"
    }


def test_fairness_bound():
    inst = Instance(
        slots=day_slots(1, 3),
        tables=2,
        participants=people(
            "p1", "p2", "p3", "p4", p3=Participant("p3", unavailable=frozenset({1}))
        ),
        requests=(Request((0, 1), required=True), Request((0, 2))),
        fairness=0,
    )
    # p1 meets in slot 1; meeting p3 in slot 3 would give p1 a break while p4 has none.
    got = reasons(inst, [A(0, 0, table=0)])
    assert got == {
        1: "placing it in any slot where both are free (slots 3) would push the breaks of p1 and p3 "
        "beyond the fairness bound of 0 between participants"
    }


def test_time_limit_and_zero_weight():
    inst = Instance(
        slots=day_slots(1, 2),
        tables=2,
        participants=people("p1", "p2", "p3"),
        requests=(Request((0, 1), weight=0), Request((1, 2))),
    )
    got = reasons(inst, [], status=Status.FEASIBLE)
    assert got[0].startswith("its weight is 0")
    assert got[1] == (
        "the search stopped at its time limit before placing it (slots 1, 2 were still possible); "
        "give the solver more time"
    )
