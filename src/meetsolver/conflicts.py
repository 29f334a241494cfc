"""Explain infeasibility: a small set of constraints that cannot all hold, in sentences.

The instance is rebuilt with the soft-able constraints (required requests, unavailable slots,
sessions, fixed slots, precedences, meeting counts, fairness) each behind an assumption
literal; CP-SAT returns a subset of assumptions that is already infeasible, which is then
shrunk by deletion while time allows. One participant attending one meeting per slot, and the
number of tables and online rooms, always hold.
"""

from __future__ import annotations

import dataclasses
import time

from ortools.sat.python import cp_model

from meetsolver.instance import Instance, Participant, Request
from meetsolver.model import build
from meetsolver.model.fairness import add_fairness
from meetsolver.model.precedence import add_precedence
from meetsolver.model.slots import describe
from meetsolver.reasons import Reason

MAX_SENTENCES = 12


def _relaxed(instance: Instance) -> Instance:
    return dataclasses.replace(
        instance,
        participants=tuple(
            Participant(id=p.id, mode=p.mode, reserved_table=p.reserved_table)
            for p in instance.participants
        ),
        requests=tuple(
            Request(participants=r.participants, weight=r.weight, online=r.online)
            for r in instance.requests
        ),
        fairness=None,
        _index={},
    )


def _groups(instance: Instance, built):
    """(assumption literal, sentence) for every constraint that may be given up."""
    model = built.model
    groups = []

    def group(sentence: Reason):
        lit = model.new_bool_var(f"a{len(groups)}")
        groups.append((lit, sentence))
        return lit

    for p, part in enumerate(instance.participants):
        if part.unavailable:
            slots = [s + 1 for s in sorted(part.unavailable)]
            lit = group(Reason("unavailable_in_slots", who=part.id, slots=slots))
            for r in instance.requests_of(p):
                for pl in built.placements[r]:
                    if pl.slot in part.unavailable:
                        model.add_implication(lit, pl.lit.Not())
        held = sum(built.placed[r] for r in instance.requests_of(p))
        if part.max_meetings is not None:
            model.add(held <= part.max_meetings).only_enforce_if(
                group(Reason("at_most_meetings", who=part.id, n=part.max_meetings))
            )
        if part.min_meetings:
            model.add(held >= part.min_meetings).only_enforce_if(
                group(Reason("at_least_meetings", who=part.id, n=part.min_meetings))
            )
    for r, req in enumerate(instance.requests):
        name = describe(instance, r)
        if req.required:
            model.add(built.placed[r] == 1).only_enforce_if(
                group(Reason("must_be_held", request=name))
            )
        if req.session is not None:
            in_session = (
                "must_be_in_morning" if req.session.value == "am" else "must_be_in_afternoon"
            )
            lit = group(Reason(in_session, request=name))
            for pl in built.placements[r]:
                if instance.slots[pl.slot].session != req.session:
                    model.add_implication(lit, pl.lit.Not())
        if req.fixed_slot is not None:
            lit = group(Reason("fixed_to_slot", request=name, slot=req.fixed_slot + 1))
            for pl in built.placements[r]:
                if pl.slot != req.fixed_slot:
                    model.add_implication(lit, pl.lit.Not())
    for r, req in enumerate(instance.requests):
        for a in sorted(req.after):
            lit = group(
                Reason(
                    "must_come_after", request=describe(instance, r), other=describe(instance, a)
                )
            )
            add_precedence(model, built.placements, built.placed, a, r, enforce=lit)
    if instance.fairness is not None:
        add_fairness(
            model,
            dataclasses.replace(instance, _index={}),
            built.breaks,
            enforce=group(Reason("fair_breaks", bound=instance.fairness)),
        )
    return groups


def _infeasible(model, lits, seconds: float) -> bool | None:
    model.clear_assumptions()
    model.add_assumptions(lits)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = 1
    status = solver.solve(model)
    if status == cp_model.INFEASIBLE:
        return True
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return False
    return None


def explain(instance: Instance, *, time_limit: float = 20.0) -> list[Reason]:
    """Sentences naming a small set of constraints that cannot all hold together."""
    start = time.monotonic()
    built = build(_relaxed(instance), fairness=False)
    groups = _groups(instance, built)
    sentence = {lit.index: text for lit, text in groups}
    model = built.model
    model.add_assumptions([lit for lit, _ in groups])
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit / 2
    solver.parameters.num_workers = 1
    status = solver.solve(model)
    if status != cp_model.INFEASIBLE:
        return [Reason("no_core_found")]
    core = [i for i in solver.sufficient_assumptions_for_infeasibility()]
    by_index = {lit.index: lit for lit, _ in groups}
    # Deletion: drop each member whose removal keeps the rest infeasible.
    kept = list(core)
    for i in list(core):
        left = time_limit - (time.monotonic() - start)
        if left <= 0.5 or len(kept) <= 1:
            break
        trial = [j for j in kept if j != i]
        if _infeasible(model, [by_index[j] for j in trial], min(2.0, left)) is True:
            kept = trial
    # Constraints on the whole schedule first, then on participants, then on requests.
    lines = sorted((sentence[i] for i in kept), key=lambda line: line.key != "fair_breaks")
    out = [Reason("cannot_all_hold"), *lines[:MAX_SENTENCES]]
    if len(lines) > MAX_SENTENCES:
        out.append(Reason("more_of_the_same", n=len(lines) - MAX_SENTENCES))
    return out
