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
    if 0 in (placed[a], placed[r]):
        return  # one of them can never be held: nothing to order
    cond = [lit for lit in (placed[a], placed[r]) if not isinstance(lit, int)]
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
