"""meetsolver: optimal scheduling of one-to-one and small-group business meetings (pure Python, OR-Tools)."""

from meetsolver.dzn import read_dzn
from meetsolver.instance import Instance, InstanceError, Mode, Participant, Request, Session, Slot
from meetsolver.solution import Assignment, Solution, SolveConfig, Status
from meetsolver.solve import solve

__all__ = [
    "Assignment",
    "Instance",
    "InstanceError",
    "Mode",
    "Participant",
    "Request",
    "Session",
    "Slot",
    "Solution",
    "SolveConfig",
    "Status",
    "read_dzn",
    "solve",
]
