"""The scheduling problem as an immutable, validated value.

Indices are 0-based inside the engine; files and users speak 1-based (dzn, JSON, CLI output).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from meetsolver.reasons import Reason


class InstanceError(ValueError):
    """An instance that cannot be scheduled as written: the message names the item and position."""


class Session(str, Enum):
    AM = "am"
    PM = "pm"


class Mode(str, Enum):
    ONSITE = "onsite"
    ONLINE = "online"
    BOTH = "both"


@dataclass(frozen=True)
class Slot:
    day: int
    session: Session


@dataclass(frozen=True)
class Participant:
    id: str
    unavailable: frozenset[int] = frozenset()  # slot indices
    max_meetings: int | None = None
    min_meetings: int = 0
    mode: Mode = Mode.BOTH
    reserved_table: int | None = None  # a table index this participant owns (exhibitor booth)


@dataclass(frozen=True)
class Request:
    """A meeting wish between two participants, or a group meeting of three or four."""

    participants: tuple[int, ...]  # participant indices
    weight: int = 1
    required: bool = False
    session: Session | None = None
    fixed_slot: int | None = None
    after: frozenset[int] = frozenset()  # request indices that must take place strictly before
    online: bool | None = None  # True: online room, False: on site, None: solver chooses


@dataclass(frozen=True)
class Instance:
    slots: tuple[Slot, ...]
    tables: int
    participants: tuple[Participant, ...]
    requests: tuple[Request, ...]
    online_rooms: int = 0
    fairness: int | None = None
    name: str = ""
    _index: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    _by_participant: tuple[tuple[int, ...], ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        validate(self)
        object.__setattr__(self, "_index", {p.id: i for i, p in enumerate(self.participants)})
        by_participant: list[list[int]] = [[] for _ in self.participants]
        for r, req in enumerate(self.requests):
            for p in req.participants:
                by_participant[p].append(r)
        object.__setattr__(self, "_by_participant", tuple(tuple(rs) for rs in by_participant))

    @property
    def n_slots(self) -> int:
        return len(self.slots)

    def participant_index(self, participant_id: str) -> int:
        return self._index[participant_id]

    def requests_of(self, participant: int) -> list[int]:
        return list(self._by_participant[participant])

    def allowed_slots(self, request: int) -> list[int]:
        """Slots where the request could take place, each participant taken alone."""
        req = self.requests[request]
        candidates = [req.fixed_slot] if req.fixed_slot is not None else range(self.n_slots)
        out = []
        for s in candidates:
            if req.session is not None and self.slots[s].session != req.session:
                continue
            if any(s in self.participants[p].unavailable for p in req.participants):
                continue
            out.append(s)
        return out

    def day_slots(self) -> dict[int, list[int]]:
        days: dict[int, list[int]] = {}
        for s, slot in enumerate(self.slots):
            days.setdefault(slot.day, []).append(s)
        return days


def validate(inst: Instance) -> None:
    if not inst.slots:
        raise InstanceError("the instance has no time slots; give at least one slot")
    days = [s.day for s in inst.slots]
    if days != sorted(days):
        raise InstanceError(
            "slots must be in time order: a slot of an earlier day comes after a later one"
        )
    if inst.tables < 0:
        raise InstanceError(
            f"tables: {inst.tables} is negative; give the number of tables (0 or more)"
        )
    if inst.online_rooms < 0:
        raise InstanceError(f"online_rooms: {inst.online_rooms} is negative")
    if inst.fairness is not None and inst.fairness < 0:
        raise InstanceError(
            f"fairness: {inst.fairness} is negative; give 0 or more, or null for none"
        )
    seen: dict[str, int] = {}
    n_slots = len(inst.slots)
    for i, p in enumerate(inst.participants):
        where = f"participant {i + 1} ({p.id!r})"
        if not p.id:
            raise InstanceError(f"participant {i + 1}: empty id")
        if p.id in seen:
            raise InstanceError(f"{where}: the id is used already by participant {seen[p.id] + 1}")
        seen[p.id] = i
        bad = sorted(s for s in p.unavailable if not 0 <= s < n_slots)
        if bad:
            raise InstanceError(
                f"{where}: unavailable slot {bad[0] + 1} does not exist (slots 1–{n_slots})"
            )
        if p.max_meetings is not None and p.max_meetings < 0:
            raise InstanceError(f"{where}: max_meetings {p.max_meetings} is negative")
        if p.min_meetings < 0:
            raise InstanceError(f"{where}: min_meetings {p.min_meetings} is negative")
        if p.max_meetings is not None and p.min_meetings > p.max_meetings:
            raise InstanceError(
                f"{where}: min_meetings {p.min_meetings} exceeds max_meetings {p.max_meetings}"
            )
        if p.reserved_table is not None and not 0 <= p.reserved_table < inst.tables:
            raise InstanceError(f"{where}: reserved table {p.reserved_table + 1} does not exist")
    n = len(inst.participants)
    for r, req in enumerate(inst.requests):
        where = f"request {r + 1}"
        if not 2 <= len(req.participants) <= 4:
            raise InstanceError(
                f"{where}: a meeting has 2 to 4 participants, not {len(req.participants)}"
            )
        for p in req.participants:
            if not 0 <= p < n:
                raise InstanceError(
                    f"{where}: participant {p + 1} does not exist (participants 1–{n})"
                )
        if len(set(req.participants)) != len(req.participants):
            names = [inst.participants[p].id for p in req.participants]
            raise InstanceError(f"{where}: names the same participant twice ({', '.join(names)})")
        if req.weight < 0:
            raise InstanceError(f"{where}: weight {req.weight} is negative")
        if req.fixed_slot is not None and not 0 <= req.fixed_slot < n_slots:
            raise InstanceError(
                f"{where}: fixed slot {req.fixed_slot + 1} does not exist (slots 1–{n_slots})"
            )
        for a in req.after:
            if not 0 <= a < len(inst.requests) or a == r:
                raise InstanceError(
                    f"{where}: 'after' names request {a + 1}, which does not exist or is itself"
                )


def overloaded(inst: Instance) -> list[Reason]:
    """Participants with more required meetings than free slots, in words (1-based).

    Such an instance is well formed but has no schedule: :func:`meetsolver.solve.solve`
    returns these sentences as the conflicts of an INFEASIBLE result.
    """
    required_of = [0] * len(inst.participants)
    for req in inst.requests:
        if req.required:
            for p in req.participants:
                required_of[p] += 1
    out = []
    for p, part in enumerate(inst.participants):
        free = inst.n_slots - len(part.unavailable)
        if required_of[p] > free:
            out.append(
                Reason("overloaded", number=p + 1, who=part.id, required=required_of[p], free=free)
            )
    return out
