"""The CP-SAT model of the slot stage, one module per constraint family.

Tables are interchangeable unless reserved, so the model decides *when* each meeting takes
place (and, for meetings of table owners, which owner's table); table numbers are given
afterwards by :mod:`meetsolver.model.tables`.

- :mod:`.slots`: one Boolean per (request, allowed slot, mode); placement, one meeting per
  participant and slot, table and online-room capacity, min/max meetings per participant.
- :mod:`.precedence`: "strictly before" between requests.
- :mod:`.breaks`: breaks counted as meeting blocks minus one per participant and day.
- :mod:`.fairness`: breaks of any two participants differ by at most ``d``.
- :mod:`.tables`: reserved tables in the slot stage; table numbers after it.
- :mod:`.stability`: which meetings of a published schedule stay unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from meetsolver.instance import Instance
from meetsolver.solution import Assignment

Lit = cp_model.IntVar | int


@dataclass(eq=False)
class Placement:
    """One way to hold a request: at ``slot``, online or on site, on ``table`` when it is a
    reserved table chosen in the slot stage (None: any free table, or an online room)."""

    request: int
    slot: int
    online: bool
    table: int | None
    lit: cp_model.IntVar


@dataclass(eq=False)
class Built:
    instance: Instance
    model: cp_model.CpModel
    placements: list[list[Placement]]  # per request
    placed: list[Lit]  # per request: 1 when held
    busy: dict[tuple[int, int], Lit]  # (participant, slot) -> 1 when in a meeting
    breaks: list[cp_model.LinearExprT]  # per participant
    total_breaks: cp_model.LinearExprT
    breaks_lower_bound: int
    weight: cp_model.LinearExprT  # total weight of optional requests held
    max_weight: int
    keep: list[cp_model.IntVar] = field(default_factory=list)  # previous meetings unchanged
    impossible: list[str] = field(default_factory=list)  # sentences found while building

    def by_slot(self, request: int) -> dict[int, list[Placement]]:
        out: dict[int, list[Placement]] = {}
        for pl in self.placements[request]:
            out.setdefault(pl.slot, []).append(pl)
        return out


def build(
    instance: Instance,
    *,
    previous: list[Assignment] | None = None,
    fairness: bool = True,
) -> Built:
    """Build the slot-stage model with every hard constraint and the objective expressions."""
    from meetsolver.model import breaks, precedence, slots, stability
    from meetsolver.model import fairness as fairness_mod

    model = cp_model.CpModel()
    placements, impossible = slots.create_placements(model, instance)
    placed = slots.add_placement(model, instance, placements)
    busy = slots.add_participant_slots(model, instance, placements)
    slots.add_capacity(model, instance, placements)
    slots.add_meeting_counts(model, instance, placed)
    precedence.add_precedences(model, instance, placements, placed)
    per_participant, lower = breaks.add_breaks(model, instance, busy, placed)
    if fairness and instance.fairness is not None:
        fairness_mod.add_fairness(model, instance, per_participant)
    weight = sum(
        req.weight * placed[r] for r, req in enumerate(instance.requests) if not req.required
    )
    max_weight = sum(req.weight for req in instance.requests if not req.required)
    built = Built(
        instance=instance,
        model=model,
        placements=placements,
        placed=placed,
        busy=busy,
        breaks=per_participant,
        total_breaks=sum(per_participant),
        breaks_lower_bound=lower,
        weight=weight,
        max_weight=max_weight,
        impossible=impossible,
    )
    if previous:
        built.keep = stability.add_keep(built, previous)
    return built


def hint_values(built: Built, schedule: list[Assignment] | None) -> dict:
    """CP-SAT hint values (placement literal -> bool) for a schedule, e.g. a published one."""
    if not schedule:
        return {}
    values = {}
    for a in schedule:
        if not 0 <= a.request < len(built.placements):
            continue
        for pl in built.placements[a.request]:
            values[pl.lit] = pl.slot == a.slot and pl.online == (
                a.table is None and a.room is not None
            )
    return values
