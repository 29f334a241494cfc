"""Breaks, counted as meeting blocks.

A break of a participant is a maximal run of idle slots strictly between two of their
meetings on the same day. On one day, the meetings of a participant form blocks of
consecutive busy slots, and ``breaks = blocks - 1`` when they have a meeting that day (0
otherwise). A block starts at slot s when the participant is busy at s and idle at s-1 (or s
is the first slot of the day); the start literal is defined exactly (both directions), so
fairness cannot be met by inflating someone's count.
"""

from __future__ import annotations

from meetsolver.instance import Instance, Session


def _min_blocks(runs: list[int], meetings: int) -> int:
    """Fewest runs of free slots that can hold ``meetings`` meetings (largest runs first)."""
    total, count = 0, 0
    for size in sorted(runs, reverse=True):
        if total >= meetings:
            break
        total += size
        count += 1
    return count


def min_blocks_exact(instance: Instance, p: int, slots: list[int], free: set[int]) -> int:
    """Fewest blocks for participant p on a day holding all p's meetings, taken alone.

    Dynamic programme over the day's slots: busy only where one of p's meetings may go, busy
    at the fixed slots of p's meetings, enough morning and afternoon slots for the meetings
    bound to a session, exactly as many busy slots as meetings. Fixed meetings spread over the
    day, or sessions split by unavailable slots, force breaks that this counts up front.
    """
    requests = instance.requests_of(p)
    k = len(requests)
    fixed = {instance.requests[r].fixed_slot for r in requests} - {None}
    am_only = pm_only = 0
    for r in requests:
        sessions = {instance.slots[s].session for s in instance.allowed_slots(r)}
        if sessions == {Session.AM}:
            am_only += 1
        elif sessions == {Session.PM}:
            pm_only += 1
    # state (busy morning slots, busy afternoon slots, previous slot busy) -> fewest blocks
    states = {(0, 0, False): 0}
    for s in slots:
        morning = instance.slots[s].session == Session.AM
        nxt: dict[tuple[int, int, bool], int] = {}
        for (am, pm, prev), blocks in states.items():
            options = []
            if s not in fixed:
                options.append((am, pm, False, blocks))
            if s in free and am + pm < k:
                options.append((am + morning, pm + (not morning), True, blocks + (not prev)))
            for a2, p2, busy_now, b2 in options:
                key = (a2, p2, busy_now)
                if b2 < nxt.get(key, k + 1):
                    nxt[key] = b2
        states = nxt
    best = [
        blocks
        for (am, pm, _), blocks in states.items()
        if am + pm == k and am >= am_only and pm >= pm_only
    ]
    return min(best) if best else 1


def _free_runs(slots: list[int], free: set[int]) -> list[int]:
    runs, current = [], 0
    for s in slots:
        if s in free:
            current += 1
        elif current:
            runs.append(current)
            current = 0
    if current:
        runs.append(current)
    return runs


def _chains(model, b: list, day_breaks, name: str) -> None:
    """Redundant "met before" / "meets after" chains: an idle slot between two meetings forces a break.

    before[i] = busy somewhere in 0..i, after[i] = busy somewhere in i..n-1 (monotone chains);
    idle[i] = before[i-1] and after[i+1] and not busy[i]; day_breaks >= idle[i]. When a
    participant may have no break (objective bound, fairness), this propagates at once that
    every slot between two of their meetings is busy, which the block count alone does not.
    """
    n = len(b)
    false = model.new_constant(0)
    lits = [false if isinstance(v, int) else v for v in b]
    before, after = [None] * n, [None] * n
    for i in range(n):
        if i == 0:
            before[i] = lits[i]
        else:
            v = model.new_bool_var(f"bef_{name}_{i}")
            model.add_implication(lits[i], v)
            model.add_implication(before[i - 1], v)
            model.add_bool_or([v.Not(), before[i - 1], lits[i]])
            before[i] = v
    for i in reversed(range(n)):
        if i == n - 1:
            after[i] = lits[i]
        else:
            v = model.new_bool_var(f"aft_{name}_{i}")
            model.add_implication(lits[i], v)
            model.add_implication(after[i + 1], v)
            model.add_bool_or([v.Not(), after[i + 1], lits[i]])
            after[i] = v
    for i in range(1, n - 1):
        # before[i-1] and after[i+1] and not busy[i]  =>  at least one break.
        idle = model.new_bool_var(f"idle_{name}_{i}")
        model.add_bool_or([before[i - 1].Not(), after[i + 1].Not(), lits[i], idle])
        model.add(day_breaks >= 1).only_enforce_if(idle)


def _windows(model, b: list, k: int, day_breaks, name: str) -> None:
    """Without a break, a participant with k meetings that day is busy in one window of k slots.

    One literal per possible window start, tied to "no break today": it fixes the whole busy
    pattern as soon as one meeting is placed, where the block count only forbids gaps later.
    """
    n = len(b)
    quiet = model.new_bool_var(f"quiet_{name}")  # no break today
    model.add(day_breaks == 0).only_enforce_if(quiet)
    model.add(day_breaks >= 1).only_enforce_if(quiet.Not())
    starts = []
    for j in range(n - k + 1):
        inside = b[j : j + k]
        if any(isinstance(v, int) for v in inside):
            continue  # a slot of this window can never be used
        w = model.new_bool_var(f"win_{name}_{j}")
        for s, v in enumerate(b):
            if isinstance(v, int):
                continue
            model.add_implication(w, v if j <= s < j + k else v.Not())
        starts.append((j, w))
    model.add(sum(w for _, w in starts) == quiet)
    for s, v in enumerate(b):
        if isinstance(v, int):
            continue
        covering = [w for j, w in starts if j <= s < j + k]
        model.add_bool_or([v.Not(), quiet.Not(), *covering])


def add_breaks(
    model, instance: Instance, busy, placed, *, chains: bool = True, windows: bool = False
):
    """Per participant, an expression for their number of breaks; and a lower bound on the total."""
    days = instance.day_slots()
    day_of = {s: slot.day for s, slot in enumerate(instance.slots)}
    per_participant = []
    lower_total = 0
    for p in range(len(instance.participants)):
        requests = instance.requests_of(p)
        # Required meetings that can only take place on one given day.
        confined: dict[int, int] = {}
        for r in requests:
            if not instance.requests[r].required:
                continue
            req_days = {day_of[s] for s in instance.allowed_slots(r)}
            if len(req_days) == 1:
                d = next(iter(req_days))
                confined[d] = confined.get(d, 0) + 1
        everything_confined = all(instance.requests[r].required for r in requests) and sum(
            confined.values()
        ) == len(requests)
        terms = []
        for d, slots in days.items():
            b = [busy[p, s] for s in slots]
            if all(isinstance(v, int) and v == 0 for v in b):
                continue
            starts = []
            for i, cur in enumerate(b):
                if isinstance(cur, int) and cur == 0:
                    continue
                prev = b[i - 1] if i > 0 else 0
                if isinstance(prev, int) and prev == 0:
                    starts.append(cur)
                    continue
                st = model.new_bool_var(f"start_{p}_{slots[i]}")
                model.add_implication(st, cur)
                model.add_implication(st, prev.Not())
                model.add_bool_or([cur.Not(), prev, st])
                starts.append(st)
            k = confined.get(d, 0)
            if k:
                attends = 1
                lits = [v for v in b if not isinstance(v, int)]
                if everything_confined:
                    model.add(sum(lits) == k)
                else:
                    model.add(sum(lits) >= k)
                free = {s for s, v in zip(slots, b, strict=True) if not isinstance(v, int)}
                lb = max(1, _min_blocks(_free_runs(slots, free), k))
                if everything_confined and len(days) == 1:
                    lb = max(lb, min_blocks_exact(instance, p, slots, free))
                model.add(sum(starts) >= lb)
                lower_total += lb - 1
            else:
                attends = model.new_bool_var(f"attends_{p}_{d}")
                lits = [v for v in b if not isinstance(v, int)]
                for v in lits:
                    model.add_implication(v, attends)
                model.add_bool_or([attends.Not(), *lits])
                model.add(sum(starts) >= attends)
            if chains and len(slots) > 2:
                day_breaks = model.new_int_var(0, (len(slots) + 1) // 2 - 1, f"breaks_{p}_{d}")
                model.add(day_breaks == sum(starts) - attends)
                _chains(model, b, day_breaks, f"{p}_{d}")
                if windows and k and everything_confined and k < len(slots):
                    _windows(model, b, k, day_breaks, f"{p}_{d}")
                terms.append(day_breaks)
            else:
                terms.append(sum(starts) - attends)
        if not terms:
            per_participant.append(0)
            continue
        most = sum(max(0, (len(slots) + 1) // 2 - 1) for slots in days.values())
        count = model.new_int_var(0, most, f"breaks_{p}")
        model.add(count == sum(terms))
        per_participant.append(count)
    return per_participant, lower_total
