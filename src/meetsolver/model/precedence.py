"""Requests that must take place strictly before others (when both are held)."""

from __future__ import annotations

from meetsolver.instance import Instance


def slot_expr(placements_of_request):
    return sum(pl.slot * pl.lit for pl in placements_of_request)


def add_precedence(model, placements, placed, a: int, r: int, enforce=None) -> None:
    """slot(a) < slot(r) when both are held (and ``enforce`` holds).

    Posted as a linear inequality between the slot expressions, strengthened by clauses: r at
    slot s excludes a at any slot >= s (which propagates far better than the linear form).
    """
    both = (placed[a], placed[r])
    # A required request has the constant 1 for "placed", a request with no possible slot the
    # constant 0; an optional one has a CP-SAT literal, which must never be compared with ``==``
    # or ``in`` (that builds a constraint, whose truth value CP-SAT refuses to give).
    if any(isinstance(lit, int) and lit == 0 for lit in both):
        return  # one of them can never be held: nothing to order
    cond = [lit for lit in both if not isinstance(lit, int)]  # constant 1: no condition
    if enforce is not None:
        cond.append(enforce)
    ct = model.add(slot_expr(placements[a]) + 1 <= slot_expr(placements[r]))
    if cond:
        ct.only_enforce_if(cond)
    a_lits = [(pl.slot, pl.lit) for pl in placements[a]]
    for pl in placements[r]:
        for s, lit in a_lits:
            if s >= pl.slot:
                if enforce is None:
                    model.add_implication(pl.lit, lit.Not())
                else:
                    model.add_bool_or([pl.lit.Not(), lit.Not(), enforce.Not()])


def add_precedences(model, instance: Instance, placements, placed) -> None:
    for r, req in enumerate(instance.requests):
        for a in sorted(req.after):
            add_precedence(model, placements, placed, a, r)
