"""What a solve returns, and how it is configured."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from enum import Enum


class Status(str, Enum):
    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class SolveConfig:
    time_limit: float = 60.0
    workers: int = 2
    seed: int = 0
    log_progress: bool = False
    # Set this event (from any thread) to stop the solve; the best schedule so far is returned.
    stop: threading.Event | None = field(default=None, compare=False)
    # After the slot stage, minimise table changes (within what is left of the time limit).
    table_changes: bool = False
    # Extra CP-SAT parameters, e.g. (("symmetry_level", 4),), for experiments and benchmarks.
    cp_sat: tuple[tuple[str, object], ...] = ()
    # Before optimising breaks, probe "breaks <= lower bound" as satisfaction problems.
    probe: bool = True
    # When infeasible, spend up to 30 s more finding a small set of conflicting constraints.
    explain: bool = True
    # "auto": MaxSAT (UWrMaxSAT) when every request is required (meetsolver.maxsat.applies),
    # else CP-SAT; "cp-sat" or "maxsat" to force one (maxsat only where it applies).
    engine: str = "auto"


@dataclass(frozen=True)
class Assignment:
    request: int  # 0-based request index
    slot: int  # 0-based slot index
    table: int | None = None  # 0-based table index; None for an online meeting
    room: int | None = None  # 0-based online room index


@dataclass
class Solution:
    status: Status
    assignments: list[Assignment] = field(default_factory=list)
    objective: dict[str, int] = field(default_factory=dict)  # e.g. {"weight": 154, "breaks": 5}
    bound: dict[str, int] = field(default_factory=dict)
    unscheduled: list[tuple[int, str]] = field(default_factory=list)  # (request, reason)
    conflicts: list[str] = field(default_factory=list)  # when infeasible: a small set, as Reasons
    seconds: float = 0.0
