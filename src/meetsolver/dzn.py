"""Read the MiniZinc data files of the B2B meeting scheduling benchmark (JAIR 2022).

The format (one assignment per item, ``%`` starts a comment)::

    nBusiness = 42; nMeetings = 125; nTables = 21; nTotalSlots = 8; nMorningSlots = 8;
    requested = [| p1, p2, session | ... |];   % session 1 = morning, 2 = afternoon, 3 = either
    meetingsxBusiness = [{1, ...}, ...];       % redundant, not read
    nMeetingsBusiness = [...];                 % redundant, checked
    forbidden = [{0, ...}, ...];               % per participant; 0 is a dummy
    fixed = [0, 3, ...];                       % per meeting, 0 = free
    precedences = [{}, {4, 7}, ...];           % per meeting: meetings that come strictly before

Every meeting is required with weight 1; slots ``1..nMorningSlots`` are the morning of day 1,
the rest its afternoon.
"""

from __future__ import annotations

import re
from pathlib import Path

from meetsolver.instance import Instance, InstanceError, Participant, Request, Session, Slot

_ASSIGNMENT = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?);", re.S)
_SESSIONS = {1: Session.AM, 2: Session.PM, 3: None}
_REQUIRED = ("nBusiness", "nMeetings", "nTables", "nTotalSlots", "nMorningSlots", "requested")


def _strip_comments(text: str) -> str:
    return "\n".join(line.split("%", 1)[0] for line in text.splitlines())


def _int(name: str, raw: str) -> int:
    try:
        return int(raw.strip())
    except ValueError:
        raise InstanceError(f"{name}: {raw.strip()!r} is not a whole number") from None


def _set(name: str, position: int, raw: str) -> set[int]:
    out: set[int] = set()
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        try:
            if ".." in part:
                lo, hi = part.split("..", 1)
                out.update(range(int(lo), int(hi) + 1))
            else:
                out.add(int(part))
        except ValueError:
            raise InstanceError(
                f"{name} item {position}: {part!r} is not a slot or meeting number"
            ) from None
    return out


def _array(name: str, raw: str) -> list[str]:
    """Split a one-dimensional array literal into its items (ints or sets) as raw text."""
    raw = raw.strip()
    if not (raw.startswith("[") and raw.endswith("]")):
        raise InstanceError(f"{name}: expected an array [ ... ], found {raw[:30]!r}")
    body = raw[1:-1]
    items, depth, current = [], 0, []
    for ch in body:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if ch == "," and depth == 0:
            items.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    tail = "".join(current).strip()
    if tail:
        items.append(tail)
    return items


def _sets(name: str, raw: str) -> list[set[int]]:
    out = []
    for i, item in enumerate(_array(name, raw), start=1):
        if not (item.startswith("{") and item.endswith("}")):
            raise InstanceError(f"{name} item {i}: expected a set {{...}}, found {item!r}")
        out.append(_set(name, i, item[1:-1]))
    return out


def _ints(name: str, raw: str) -> list[int]:
    return [_int(f"{name} item {i}", item) for i, item in enumerate(_array(name, raw), start=1)]


def _rows(name: str, raw: str) -> list[list[int]]:
    raw = raw.strip()
    if not (raw.startswith("[|") and raw.endswith("|]")):
        raise InstanceError(f"{name}: expected a two-dimensional array [| ... |]")
    rows = []
    for i, row in enumerate(raw[2:-2].split("|"), start=1):
        cells = [c.strip() for c in row.split(",") if c.strip()]
        if not cells:
            continue
        rows.append([_int(f"{name} row {i}", c) for c in cells])
    return rows


def read_dzn(path_or_text: str | Path, *, fairness: int | None = 2) -> Instance:
    """Read a benchmark ``.dzn`` file (a path, or the text itself) into an :class:`Instance`.

    ``fairness`` is the bound ``d`` on the difference of breaks between participants (the
    files do not hold it; the paper's default is 2). Malformed input raises
    :class:`InstanceError` naming the item and its position.
    """
    if isinstance(path_or_text, Path) or (
        "=" not in str(path_or_text) and Path(str(path_or_text)).exists()
    ):
        path = Path(path_or_text)
        text, name = path.read_text(encoding="utf-8"), path.name.removesuffix(".dzn")
    else:
        text, name = str(path_or_text), ""
    items = {m.group(1): m.group(2) for m in _ASSIGNMENT.finditer(_strip_comments(text))}
    for key in _REQUIRED:
        if key not in items:
            raise InstanceError(f"{key}: missing; the file must assign it (e.g. '{key} = ...;')")
    n_business = _int("nBusiness", items["nBusiness"])
    n_meetings = _int("nMeetings", items["nMeetings"])
    n_tables = _int("nTables", items["nTables"])
    n_slots = _int("nTotalSlots", items["nTotalSlots"])
    n_morning = _int("nMorningSlots", items["nMorningSlots"])
    if n_slots < 1:
        raise InstanceError(f"nTotalSlots = {n_slots}: give at least one slot")
    if not 0 <= n_morning <= n_slots:
        raise InstanceError(
            f"nMorningSlots = {n_morning}: must be between 0 and nTotalSlots = {n_slots}"
        )

    requested = _rows("requested", items["requested"])
    if len(requested) != n_meetings:
        raise InstanceError(f"requested: {len(requested)} rows but nMeetings = {n_meetings}")
    forbidden = (
        _sets("forbidden", items["forbidden"]) if "forbidden" in items else [set()] * n_business
    )
    if len(forbidden) != n_business:
        raise InstanceError(f"forbidden: {len(forbidden)} sets but nBusiness = {n_business}")
    fixed = _ints("fixed", items["fixed"]) if "fixed" in items else [0] * n_meetings
    if len(fixed) != n_meetings:
        raise InstanceError(f"fixed: {len(fixed)} items but nMeetings = {n_meetings}")
    precedences = (
        _sets("precedences", items["precedences"])
        if "precedences" in items
        else [set()] * n_meetings
    )
    if len(precedences) != n_meetings:
        raise InstanceError(f"precedences: {len(precedences)} sets but nMeetings = {n_meetings}")

    participants = []
    for p, slots in enumerate(forbidden, start=1):
        bad = sorted(s for s in slots if s != 0 and not 1 <= s <= n_slots)
        if bad:
            raise InstanceError(
                f"forbidden item {p}: slot {bad[0]} does not exist (nTotalSlots = {n_slots})"
            )
        participants.append(
            Participant(id=str(p), unavailable=frozenset(s - 1 for s in slots if s != 0))
        )

    requests = []
    for m, row in enumerate(requested, start=1):
        if len(row) != 3:
            raise InstanceError(
                f"requested row {m}: expected 3 numbers (participant, participant, session), found {len(row)}"
            )
        a, b, code = row
        for p in (a, b):
            if not 1 <= p <= n_business:
                raise InstanceError(
                    f"requested row {m}: participant {p} does not exist (nBusiness = {n_business})"
                )
        if a == b:
            raise InstanceError(f"requested row {m}: participant {a} cannot meet itself")
        if code not in _SESSIONS:
            raise InstanceError(
                f"requested row {m}: session {code} is not 1 (morning), 2 (afternoon) or 3 (either)"
            )
        f = fixed[m - 1]
        if not 0 <= f <= n_slots:
            raise InstanceError(
                f"fixed item {m}: slot {f} does not exist (nTotalSlots = {n_slots})"
            )
        before = precedences[m - 1]
        for o in before:
            if not 1 <= o <= n_meetings or o == m:
                raise InstanceError(
                    f"precedences item {m}: meeting {o} does not exist or is the meeting itself (nMeetings = {n_meetings})"
                )
        requests.append(
            Request(
                participants=(a - 1, b - 1),
                weight=1,
                required=True,
                session=_SESSIONS[code],
                fixed_slot=f - 1 if f else None,
                after=frozenset(o - 1 for o in before),
            )
        )
    if "nMeetingsBusiness" in items:
        counts = _ints("nMeetingsBusiness", items["nMeetingsBusiness"])
        for p, count in enumerate(counts, start=1):
            actual = sum(1 for row in requested if p in row[:2])
            if count != actual:
                raise InstanceError(
                    f"nMeetingsBusiness item {p}: says {count} meetings but requested has {actual}"
                )
    slots = tuple(
        Slot(day=1, session=Session.AM if s < n_morning else Session.PM) for s in range(n_slots)
    )
    return Instance(
        slots=slots,
        tables=n_tables,
        participants=tuple(participants),
        requests=tuple(requests),
        fairness=fairness,
        name=name,
    )
