"""Generated events are reproducible and look like real conventions."""

from collections import Counter

from meetsolver.generate import generate
from meetsolver.jsonio import instance_from_dict, instance_to_dict


def test_reproducible_and_realistic():
    a = generate(
        participants=200,
        requests_per_participant=8,
        days=2,
        slots_per_day=8,
        tables=40,
        online_rooms=3,
        seed=7,
    )
    b = generate(
        participants=200,
        requests_per_participant=8,
        days=2,
        slots_per_day=8,
        tables=40,
        online_rooms=3,
        seed=7,
    )
    assert a == b
    assert len(a.requests) == 800
    weights = Counter(r.weight for r in a.requests)
    assert set(weights) == {1, 2, 3} and weights[2] > weights[1]
    assert 0 < sum(r.required for r in a.requests) < 40
    degree = Counter(p for r in a.requests for p in r.participants)
    assert max(degree.values()) > 3 * 8  # popular participants attract many more wishes
    assert any(p.unavailable for p in a.participants)
    assert any(p.max_meetings is not None for p in a.participants)
    assert any(p.reserved_table is not None for p in a.participants)
    assert any(p.mode.value == "online" for p in a.participants)
    assert instance_from_dict(instance_to_dict(a)) == a
