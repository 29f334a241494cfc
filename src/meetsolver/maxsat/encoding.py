"""The slot stage as a MaxSAT formula (Bofill et al., CPAIOR 2015 and JAIR 2022).

One Boolean per meeting and allowed slot; hard clauses for every rule of the slot stage; one
soft unit clause per potential break (a participant idle at a slot after a meeting and with a
meeting later that day), so the cost of a model is its number of breaks. The break literals
are defined in both directions (they hold exactly when there is a break), so the fairness bound
cannot be met by counting breaks that are not there. Tables are interchangeable here: only
their number per slot is limited; numbers are given afterwards, slot by slot.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pysat.card import CardEnc, EncType
from pysat.formula import IDPool

from meetsolver.instance import Instance
from meetsolver.model.breaks import min_blocks_exact
from meetsolver.model.slots import describe
from meetsolver.reasons import Reason


@dataclass
class Formula:
    hard: list[list[int]] = field(default_factory=list)
    soft: list[int] = field(default_factory=list)  # literals wanted true, weight 1 each
    # (request, slot) -> variable
    placement: dict[tuple[int, int], int] = field(default_factory=dict)
    # Why the instance is infeasible before any search, in words (empty when not known).
    impossible: list[str] = field(default_factory=list)
    pool: IDPool = field(default_factory=IDPool)

    @property
    def n_vars(self) -> int:
        return self.pool.top


def _at_most(f: Formula, lits: list[int], bound: int) -> None:
    if len(lits) <= bound:
        return
    if bound == 0:
        f.hard.extend([-x] for x in lits)
        return
    if bound == 1 and len(lits) <= 6:
        kind = EncType.pairwise
    elif bound == 1:
        kind = EncType.ladder
    else:
        kind = EncType.seqcounter
    f.hard.extend(CardEnc.atmost(lits, bound=bound, vpool=f.pool, encoding=kind).clauses)


def _unary(f: Formula, lits: list[int]) -> list[int]:
    """Outputs ``o`` with ``o[k]`` true exactly when at least ``k + 1`` of ``lits`` are true.

    A sequential counter with both directions, so the count can bound from below as well.
    """
    prev: list[int] = []  # prev[k]: at least k + 1 of the first i literals
    for i, v in enumerate(lits):
        cur = []
        for k in range(i + 1):
            r = f.pool.id()
            lower = prev[k - 1] if k > 0 else None  # at least k of the first i (None = true)
            same = prev[k] if k < len(prev) else None  # at least k + 1 of the first i
            if same is not None:
                f.hard.append([-same, r])
                f.hard.append([-r, same, v])
            else:
                f.hard.append([-r, v])
            if lower is not None:
                f.hard.append([-lower, -v, r])
                f.hard.append([-r, lower] + ([same] if same is not None else []))
            else:
                f.hard.append([-v, r])
            cur.append(r)
        prev = cur
    return prev


def encode(instance: Instance, *, slot_busy: bool = True) -> Formula:
    """Every request is placed once (see :func:`meetsolver.maxsat.applies`).

    ``slot_busy`` adds an implied bound on the participants busy per slot (two per table):
    it speeds up events whose tables are nearly all taken and slows down others, so the
    portfolio runs the formula with and without it.
    """
    f = Formula()
    n_slots = instance.n_slots
    for r in range(len(instance.requests)):
        slots = instance.allowed_slots(r)
        if not slots:
            f.impossible.append(Reason("required_without_slot", request=describe(instance, r)))
            continue
        lits = [f.pool.id(("x", r, s)) for s in slots]
        for s, x in zip(slots, lits, strict=True):
            f.placement[(r, s)] = x
        f.hard.append(lits)
        _at_most(f, lits, 1)
    if f.impossible:
        return f
    by_slot: dict[int, list[int]] = {}
    for (_, s), x in f.placement.items():
        by_slot.setdefault(s, []).append(x)
    for s in range(n_slots):
        _at_most(f, by_slot.get(s, []), instance.tables)
    _precedences(f, instance)
    busy = _participants(f, instance)
    # Implied: at most two participants per table are busy in a slot (pairs only).
    if slot_busy and all(len(req.participants) == 2 for req in instance.requests):
        for s in range(n_slots):
            lits = [row[s] for row in busy if row[s] is not None]
            _at_most(f, lits, 2 * instance.tables)
    counts = _breaks(f, instance, busy)
    if instance.fairness is not None:
        _fairness(f, counts, instance.fairness)
    return f


def _precedences(f: Formula, instance: Instance) -> None:
    """Each request after its predecessors, through order literals "placed by slot t".

    Binary clauses between the order literals of the two requests propagate both bounds (the
    earliest slot of the later one, the latest of the earlier one) at once.
    """
    slots_of: dict[int, list[int]] = {}
    for r, s in f.placement:
        slots_of.setdefault(r, []).append(s)
    order: dict[int, list[int]] = {}

    def by(r: int) -> list[int]:  # by(r)[t]: r takes place at slot t or before
        if r not in order:
            own = set(slots_of[r])
            row = [f.placement[(r, t)] if t in own else f.pool.id("false") for t in range(n)]
            order[r] = _chain(f, row)
        return order[r]

    n = instance.n_slots
    for r, req in enumerate(instance.requests):
        for a in req.after:
            later, earlier = by(r), by(a)
            f.hard.append([-later[0]])
            for t in range(1, n):
                f.hard.append([-later[t], earlier[t - 1]])


def _participants(f: Formula, instance: Instance) -> list[list[int | None]]:
    """At most one meeting per participant and slot; busy[p][s] is true when p meets at s."""
    busy: list[list[int | None]] = []
    for p in range(len(instance.participants)):
        row: list[int | None] = []
        for s in range(instance.n_slots):
            lits = [f.placement[(r, s)] for r in instance.requests_of(p) if (r, s) in f.placement]
            if not lits:
                row.append(None)
                continue
            _at_most(f, lits, 1)
            b = f.pool.id(("busy", p, s))
            f.hard.append([-b, *lits])
            f.hard.extend([-x, b] for x in lits)
            row.append(b)
        busy.append(row)
        # Implied: p is busy in exactly as many slots as p has meetings (helps propagation).
        used = [b for b in row if b is not None]
        n = len(instance.requests_of(p))
        if 0 < n < len(used):
            f.hard.extend(
                CardEnc.equals(used, bound=n, vpool=f.pool, encoding=EncType.totalizer).clauses
            )
    return busy


def _breaks(f: Formula, instance: Instance, busy) -> list[list[int]]:
    """Break literals per participant (soft: each one true costs 1)."""
    false = f.pool.id("false")
    f.hard.append([-false])
    days = list(instance.day_slots().values())
    counts: list[list[int]] = []
    for p, row in enumerate(busy):
        mine: list[int] = []
        meetings = len(instance.requests_of(p))
        if meetings >= 2:
            used_days = [day for day in days if any(row[s] is not None for s in day)]
            for day in used_days:
                lits = [false if row[s] is None else row[s] for s in day]
                # The window reasoning needs the day's number of meetings: known on one day.
                mine.extend(_day_breaks(f, lits, meetings if len(used_days) == 1 else 0))
            if len(used_days) == 1:
                free = {s for s in used_days[0] if row[s] is not None}
                least = min_blocks_exact(instance, p, used_days[0], free) - 1
                if least > 0:
                    # Implied: p's own slots and sessions force this many breaks.
                    at_least = CardEnc.atleast(
                        mine, bound=least, vpool=f.pool, encoding=EncType.seqcounter
                    )
                    f.hard.extend(at_least.clauses)
        counts.append(mine)
    return counts


def _day_breaks(f: Formula, busy: list[int], meetings: int) -> list[int]:
    """Breaks of one participant on one day; ``meetings``: their number that day (0: unknown)."""
    n = len(busy)
    later = _chain(f, busy[::-1])[::-1]  # later[i]: busy at slot i or after
    earlier = _chain(f, busy)  # earlier[i]: busy at slot i or before
    out = []
    for i in range(1, n - 1):
        # A break starts at i: busy at i - 1, idle at i, busy again later.
        k = f.pool.id()
        before, here, after = busy[i - 1], busy[i], later[i + 1]
        f.hard += [[-k, before], [-k, -here], [-k, after], [-before, here, -after, k]]
        f.soft.append(-k)
        out.append(k)
    if meetings:
        # Implied: the meetings fit between the first and the last one, so before slot i
        # there is a meeting at or before i, or one at or after i + meetings; and without a
        # break they take consecutive slots.
        calm = f.pool.id()
        f.hard.append([calm, *out])
        f.hard += [[-calm, -k] for k in out]
        for i in range(n):
            j = i + meetings
            f.hard.append([earlier[i], later[j]] if j < n else [earlier[i]])
            j = i - meetings
            f.hard.append([later[i], earlier[j]] if j >= 0 else [later[i]])
            j = i + meetings
            if j < n:
                f.hard.append([-calm, -earlier[i], -later[j]])
            f.hard.append([-calm, -earlier[i], -later[i], busy[i]])
    return out


def _chain(f: Formula, busy: list[int]) -> list[int]:
    """chain[i] is true when one of busy[0..i] is."""
    out = [busy[0]]
    for b in busy[1:]:
        a = f.pool.id()
        f.hard += [[-b, a], [-out[-1], a], [-a, b, out[-1]]]
        out.append(a)
    return out


def _fairness(f: Formula, counts: list[list[int]], d: int) -> None:
    """Every participant's breaks lie within [least, least + d], least = the fewest anyone has."""
    top = max((len(c) for c in counts), default=0)
    if top == 0:
        return
    # least[k]: every participant has at least k + 1 breaks.
    least = [f.pool.id() for _ in range(top)]
    for k in range(1, top):
        f.hard.append([-least[k], least[k - 1]])
    for lits in counts:
        out = _unary(f, lits)
        for k in range(top):
            f.hard.append([-least[k], out[k]] if k < len(out) else [-least[k]])
        # At least k + d + 1 breaks means everyone has at least k + 1.
        for k in range(len(out)):
            j = k - d  # out[k]: at least k + 1 breaks, so least[k - d]: at least k + 1 - d
            if j >= 0:
                f.hard.append([-out[k], least[j]])
