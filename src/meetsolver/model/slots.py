"""Where and how each request can be held, and the per-slot limits."""

from __future__ import annotations

from ortools.sat.python import cp_model

from meetsolver.instance import Instance, Mode
from meetsolver.model.tables import owner_tables, reserved_tables
from meetsolver.reasons import Reason


def modes(instance: Instance, request: int) -> tuple[list[bool], list[Reason]]:
    """The modes (False = on site, True = online) a request may take, with a reason when none."""
    req = instance.requests[request]
    wanted = [False, True] if req.online is None else [req.online]
    reasons = []
    for p in req.participants:
        mode = instance.participants[p].mode
        if mode == Mode.ONLINE and False in wanted:
            wanted.remove(False)
            reasons.append(Reason("meets_only_online", who=instance.participants[p].id))
        if mode == Mode.ONSITE and True in wanted:
            wanted.remove(True)
            reasons.append(Reason("meets_only_onsite", who=instance.participants[p].id))
    if True in wanted and instance.online_rooms == 0:
        wanted.remove(True)
        reasons.append(Reason("no_online_rooms"))
    if False in wanted and instance.tables == 0:
        wanted.remove(False)
        reasons.append(Reason("no_tables_at_all"))
    return wanted, reasons


def describe(instance: Instance, request: int) -> Reason:
    names = [instance.participants[p].id for p in instance.requests[request].participants]
    return Reason("request", number=request + 1, members=names)


def create_placements(model: cp_model.CpModel, instance: Instance):
    """One Boolean per (request, allowed slot, mode, owner's table when several apply)."""
    from meetsolver.model import Placement

    placements: list[list[Placement]] = []
    impossible: list[Reason] = []
    for r, req in enumerate(instance.requests):
        allowed = instance.allowed_slots(r)
        wanted, why = modes(instance, r)
        owned = owner_tables(instance, r)
        out: list[Placement] = []
        for s in allowed:
            for online in wanted:
                tables = [None] if online or len(owned) <= 1 else sorted(owned)
                for t in tables:
                    if t is None and not online and len(owned) == 1:
                        t = next(iter(owned))
                    lit = model.new_bool_var(f"x_{r}_{s}_{int(online)}_{t}")
                    out.append(Placement(r, s, online, t, lit))
        if not out and req.required:
            if not allowed:
                impossible.append(Reason("required_without_slot", request=describe(instance, r)))
            else:
                impossible.append(
                    Reason("required_without_place", request=describe(instance, r), why=why)
                )
        placements.append(out)
    return placements, impossible


def add_placement(model, instance: Instance, placements) -> list:
    placed = []
    for r, req in enumerate(instance.requests):
        lits = [pl.lit for pl in placements[r]]
        if req.required:
            model.add_exactly_one(lits) if lits else model.add_bool_or([])
            placed.append(1)
        elif not lits:
            placed.append(0)
        elif len(lits) == 1:
            placed.append(lits[0])
        else:
            held = model.new_bool_var(f"placed_{r}")
            model.add(sum(lits) == held)
            placed.append(held)
    return placed


def add_participant_slots(model, instance: Instance, placements) -> dict:
    """busy[p, s] = number of p's meetings in slot s, at most one."""
    terms: dict[tuple[int, int], list] = {}
    for r, req in enumerate(instance.requests):
        for pl in placements[r]:
            for p in req.participants:
                terms.setdefault((p, pl.slot), []).append(pl.lit)
    busy: dict[tuple[int, int], object] = {}
    for p in range(len(instance.participants)):
        for s in range(instance.n_slots):
            lits = terms.get((p, s), [])
            if not lits:
                busy[p, s] = 0
            elif len(lits) == 1:
                busy[p, s] = lits[0]
            else:
                b = model.new_bool_var(f"busy_{p}_{s}")
                model.add(sum(lits) == b)
                busy[p, s] = b
    return busy


def add_capacity(model, instance: Instance, placements) -> None:
    """Free tables, each reserved table, and online rooms hold one meeting per slot each."""
    free_tables = instance.tables - len(reserved_tables(instance))
    free: dict[int, list] = {}
    owned: dict[tuple[int, int], list] = {}
    online: dict[int, list] = {}
    for pls in placements:
        for pl in pls:
            if pl.online:
                online.setdefault(pl.slot, []).append(pl.lit)
            elif pl.table is None:
                free.setdefault(pl.slot, []).append(pl.lit)
            else:
                owned.setdefault((pl.slot, pl.table), []).append(pl.lit)
    for lits in free.values():
        if len(lits) > free_tables:
            model.add(sum(lits) <= free_tables)
    for lits in owned.values():
        if len(lits) > 1:
            model.add_at_most_one(lits)
    for lits in online.values():
        if len(lits) > instance.online_rooms:
            model.add(sum(lits) <= instance.online_rooms)


def add_meeting_counts(model, instance: Instance, placed) -> None:
    for p, part in enumerate(instance.participants):
        if part.max_meetings is None and part.min_meetings == 0:
            continue
        held = sum(placed[r] for r in instance.requests_of(p))
        if part.max_meetings is not None:
            model.add(held <= part.max_meetings)
        if part.min_meetings:
            model.add(held >= part.min_meetings)
