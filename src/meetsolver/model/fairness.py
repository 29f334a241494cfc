"""Fairness: the numbers of breaks of any two participants differ by at most ``d``.

It applies to every participant, including those without any meeting (who have 0 breaks),
as in the MiniZinc and MaxSAT models of Bofill et al. (JAIR 2022); so with a participant
without meetings, nobody may have more than ``d`` breaks.
"""

from __future__ import annotations

from meetsolver.instance import Instance


def upper_bound(instance: Instance) -> int:
    """Most breaks one participant can have: half the slots of each day, rounded up, minus one."""
    return sum(max(0, (len(slots) + 1) // 2 - 1) for slots in instance.day_slots().values())


def add_fairness(model, instance: Instance, per_participant, enforce=None):
    d = instance.fairness
    ub = upper_bound(instance)
    low = model.new_int_var(0, ub, "breaks_min")
    high = model.new_int_var(0, ub, "breaks_max")
    cts = [model.add(high - low <= d)]
    for expr in per_participant:
        cts.append(model.add(low <= expr))
        cts.append(model.add(expr <= high))
    if enforce is not None:
        for ct in cts:
            ct.only_enforce_if(enforce)
    return low, high
