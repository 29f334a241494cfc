"""The JSON instance and solution formats (1-based slots, tables, rooms and meetings).

Every error names the offending item by its JSON path, with 0-based array positions as in
JSON Pointer tools (``requests[4].participants[1]``), and says how to fix it. The format is
described in docs/meetsolver.md.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from meetsolver.instance import Instance, InstanceError, Mode, Participant, Request, Session, Slot
from meetsolver.solution import Assignment, Solution, Status

TOP_KEYS = {"slots", "tables", "online_rooms", "participants", "requests", "fairness", "name"}
SLOT_KEYS = {"day", "session"}
PARTICIPANT_KEYS = {"id", "unavailable", "max_meetings", "min_meetings", "mode", "reserved_table"}
REQUEST_KEYS = {"participants", "weight", "required", "session", "fixed_slot", "after", "online"}


def load_instance(path: str | Path) -> Instance:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InstanceError(f"{path}: cannot be read ({exc.strerror})") from None
    return parse_instance(text)


def parse_instance(text: str) -> Instance:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InstanceError(
            f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    return instance_from_dict(data)


def instance_from_dict(data: Any) -> Instance:
    _object(data, "the instance", TOP_KEYS)
    for key in ("slots", "tables", "participants", "requests"):
        if key not in data:
            raise InstanceError(f"the instance has no {key!r}; add it (see docs/meetsolver.md)")
    slots = tuple(_slot(s, f"slots[{i}]") for i, s in enumerate(_list(data["slots"], "slots")))
    n_slots = len(slots)
    tables = _int(data["tables"], "tables")
    online_rooms = _int(data.get("online_rooms", 0), "online_rooms")
    fairness = _int(data["fairness"], "fairness") if data.get("fairness") is not None else None
    name = data.get("name", "")
    if not isinstance(name, str):
        raise InstanceError(f"name: expected a text, got {_kind(name)}")
    participants = tuple(
        _participant(p, f"participants[{i}]", n_slots, tables)
        for i, p in enumerate(_list(data["participants"], "participants"))
    )
    index: dict[str, int] = {}
    for i, p in enumerate(participants):
        if p.id in index:
            raise InstanceError(
                f"participants[{i}].id: {p.id!r} is already the id of participants[{index[p.id]}]"
            )
        index[p.id] = i
    raw_requests = _list(data["requests"], "requests")
    requests = tuple(
        _request(r, f"requests[{i}]", index, n_slots, len(raw_requests), i)
        for i, r in enumerate(raw_requests)
    )
    return Instance(
        slots=slots,
        tables=tables,
        participants=participants,
        requests=requests,
        online_rooms=online_rooms,
        fairness=fairness,
        name=name,
    )


def instance_to_dict(inst: Instance) -> dict:
    return {
        "name": inst.name,
        "slots": [{"day": s.day, "session": s.session.value} for s in inst.slots],
        "tables": inst.tables,
        "online_rooms": inst.online_rooms,
        "fairness": inst.fairness,
        "participants": [
            {
                "id": p.id,
                "unavailable": sorted(s + 1 for s in p.unavailable),
                "max_meetings": p.max_meetings,
                "min_meetings": p.min_meetings,
                "mode": p.mode.value,
                "reserved_table": None if p.reserved_table is None else p.reserved_table + 1,
            }
            for p in inst.participants
        ],
        "requests": [
            {
                "participants": [inst.participants[p].id for p in r.participants],
                "weight": r.weight,
                "required": r.required,
                "session": None if r.session is None else r.session.value,
                "fixed_slot": None if r.fixed_slot is None else r.fixed_slot + 1,
                "after": sorted(a + 1 for a in r.after),
                "online": r.online,
            }
            for r in inst.requests
        ],
    }


def solution_to_dict(inst: Instance, solution: Solution) -> dict:
    meetings = []
    for a in sorted(solution.assignments, key=lambda a: (a.slot, a.request)):
        item = {"meeting": a.request + 1, "slot": a.slot + 1}
        if a.table is not None:
            item["table"] = a.table + 1
        if a.room is not None:
            item["room"] = a.room + 1
        item["participants"] = [
            inst.participants[p].id for p in inst.requests[a.request].participants
        ]
        meetings.append(item)
    out: dict[str, Any] = {
        "status": solution.status.value,
        "objective": dict(solution.objective),
        "bound": dict(solution.bound),
        "meetings": meetings,
        "unscheduled": [{"meeting": r + 1, "reason": reason} for r, reason in solution.unscheduled],
        "seconds": round(solution.seconds, 3),
    }
    if solution.conflicts or solution.status == Status.INFEASIBLE:
        out["conflicts"] = list(solution.conflicts)
    if solution.status == Status.UNKNOWN:
        out["reason"] = (
            f"no schedule was found within the time limit ({round(solution.seconds, 1)} s): "
            "give more time, or fewer required meetings"
        )
    return out


def load_solution(path: str | Path) -> Solution:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InstanceError(f"{path}: cannot be read ({exc.strerror})") from None
    except json.JSONDecodeError as exc:
        raise InstanceError(
            f"{path}: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    return solution_from_dict(data)


def solution_from_dict(data: Any) -> Solution:
    """Read back what solution_to_dict wrote (extra keys such as participants are ignored)."""
    if not isinstance(data, dict):
        raise InstanceError(f"the solution: expected an object, got {_kind(data)}")
    try:
        status = Status(data.get("status", "feasible"))
    except ValueError:
        raise InstanceError(
            f"status: {data.get('status')!r} is not one of {', '.join(s.value for s in Status)}"
        ) from None
    assignments = []
    for i, m in enumerate(_list(data.get("meetings", []), "meetings")):
        where = f"meetings[{i}]"
        if not isinstance(m, dict):
            raise InstanceError(f"{where}: expected an object, got {_kind(m)}")
        for key in ("meeting", "slot"):
            if key not in m:
                raise InstanceError(f"{where}: {key!r} is missing")
        table = m.get("table")
        room = m.get("room")
        assignments.append(
            Assignment(
                request=_pos(m["meeting"], f"{where}.meeting") - 1,
                slot=_pos(m["slot"], f"{where}.slot") - 1,
                table=None if table is None else _pos(table, f"{where}.table") - 1,
                room=None if room is None else _pos(room, f"{where}.room") - 1,
            )
        )
    unscheduled = [
        (_pos(u.get("meeting"), f"unscheduled[{i}].meeting") - 1, str(u.get("reason", "")))
        for i, u in enumerate(_list(data.get("unscheduled", []), "unscheduled"))
        if isinstance(u, dict)
    ]
    return Solution(
        status=status,
        assignments=assignments,
        objective=dict(data.get("objective") or {}),
        bound=dict(data.get("bound") or {}),
        unscheduled=unscheduled,
        conflicts=list(data.get("conflicts") or []),
        seconds=float(data.get("seconds") or 0.0),
    )


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "a text",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def _object(value: Any, where: str, allowed: set[str]) -> dict:
    if not isinstance(value, dict):
        raise InstanceError(f"{where}: expected an object, got {_kind(value)}")
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise InstanceError(
            f"{where}: unknown key{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
            f"allowed keys are {', '.join(sorted(allowed))}"
        )
    return value


def _list(value: Any, where: str) -> list:
    if not isinstance(value, list):
        raise InstanceError(f"{where}: expected a list, got {_kind(value)}")
    return value


def _int(value: Any, where: str, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise InstanceError(
                f"{where}: expected a whole number, got {_kind(value)} ({json.dumps(value)})"
            )
    if value < minimum:
        raise InstanceError(f"{where}: {value} is below {minimum}; give {minimum} or more")
    return value


def _pos(value: Any, where: str) -> int:
    if value is None:
        raise InstanceError(f"{where}: is missing; give a number from 1")
    return _int(value, where, minimum=1)


def _in_range(value: Any, where: str, what: str, count: int) -> int:
    number = _pos(value, where)
    if number > count:
        raise InstanceError(f"{where}: {what} {number} does not exist (there are {count})")
    return number - 1


def _session(value: Any, where: str) -> Session | None:
    if value is None:
        return None
    try:
        return Session(value)
    except ValueError:
        raise InstanceError(
            f'{where}: {json.dumps(value)} is not a session; use "am", "pm" or null'
        ) from None


def _slot(value: Any, where: str) -> Slot:
    _object(value, where, SLOT_KEYS)
    if "day" not in value:
        raise InstanceError(f"{where}: 'day' is missing; give the day number (1, 2, …)")
    session = _session(value.get("session", "am"), f"{where}.session")
    return Slot(day=_pos(value["day"], f"{where}.day"), session=session)


def _participant(value: Any, where: str, n_slots: int, tables: int) -> Participant:
    _object(value, where, PARTICIPANT_KEYS)
    pid = value.get("id")
    if not isinstance(pid, str) or not pid:
        raise InstanceError(f"{where}.id: expected a non-empty text, got {_kind(pid)}")
    unavailable = frozenset(
        _in_range(s, f"{where}.unavailable[{j}]", "slot", n_slots)
        for j, s in enumerate(_list(value.get("unavailable", []), f"{where}.unavailable"))
    )
    max_meetings = value.get("max_meetings")
    if max_meetings is not None:
        max_meetings = _int(max_meetings, f"{where}.max_meetings")
    min_meetings = _int(value.get("min_meetings", 0), f"{where}.min_meetings")
    if max_meetings is not None and min_meetings > max_meetings:
        raise InstanceError(
            f"{where}: min_meetings {min_meetings} exceeds max_meetings {max_meetings}"
        )
    try:
        mode = Mode(value.get("mode", "both"))
    except ValueError:
        raise InstanceError(
            f'{where}.mode: {json.dumps(value.get("mode"))} is not a mode; use "onsite", "online" or "both"'
        ) from None
    reserved = value.get("reserved_table")
    if reserved is not None:
        reserved = _in_range(reserved, f"{where}.reserved_table", "table", tables)
    return Participant(
        id=pid,
        unavailable=unavailable,
        max_meetings=max_meetings,
        min_meetings=min_meetings,
        mode=mode,
        reserved_table=reserved,
    )


def _request(
    value: Any, where: str, index: dict[str, int], n_slots: int, n_requests: int, own: int
) -> Request:
    _object(value, where, REQUEST_KEYS)
    if "participants" not in value:
        raise InstanceError(
            f"{where}: 'participants' is missing; list the ids of the 2 to 4 people who meet"
        )
    names = _list(value["participants"], f"{where}.participants")
    if not 2 <= len(names) <= 4:
        raise InstanceError(
            f"{where}.participants: a meeting has 2 to 4 participants, not {len(names)}"
        )
    members: list[int] = []
    for j, name in enumerate(names):
        if not isinstance(name, str):
            raise InstanceError(
                f"{where}.participants[{j}]: expected a participant id (text), got {_kind(name)}"
            )
        if name not in index:
            raise InstanceError(f"{where}.participants[{j}]: unknown participant {name!r}")
        if index[name] in members:
            raise InstanceError(
                f"{where}.participants[{j}]: {name!r} is named twice in the same meeting"
            )
        members.append(index[name])
    required = value.get("required", False)
    if not isinstance(required, bool):
        raise InstanceError(f"{where}.required: expected true or false, got {_kind(required)}")
    online = value.get("online")
    if online is not None and not isinstance(online, bool):
        raise InstanceError(f"{where}.online: expected true, false or null, got {_kind(online)}")
    fixed = value.get("fixed_slot")
    after = set()
    for j, a in enumerate(_list(value.get("after", []), f"{where}.after")):
        number = _in_range(a, f"{where}.after[{j}]", "request", n_requests)
        if number == own:
            raise InstanceError(f"{where}.after[{j}]: a meeting cannot come after itself")
        after.add(number)
    return Request(
        participants=tuple(members),
        weight=_int(value.get("weight", 1), f"{where}.weight"),
        required=required,
        session=_session(value.get("session"), f"{where}.session"),
        fixed_slot=None
        if fixed is None
        else _in_range(fixed, f"{where}.fixed_slot", "slot", n_slots),
        after=frozenset(after),
        online=online,
    )
