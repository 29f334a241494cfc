"""Every schedule the platform saves has passed meetsolver's independent check first.

``meetsolver.verify`` re-reads a schedule against the problem statement alone (it shares no
code with the solver). A schedule that fails it is never written into the draft nor kept as a
run's best schedule: the run fails with the violations listed, and the draft stays as it was.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from meetsolver import Instance, Solution, Status
from meetsolver.verify import verify

SHOWN = 10  # violations listed in the run's error (the count says how many there are)


class ScheduleRejected(Exception):
    """The solver's schedule breaks a rule; ``violations`` says which, in words."""

    def __init__(self, violations: list[str]) -> None:
        self.violations = violations
        super().__init__(self.message)

    @property
    def message(self) -> str:
        shown = "; ".join(self.violations[:SHOWN])
        more = len(self.violations) - SHOWN
        text = _(
            "The schedule found fails the independent check (%(count)s violations), so the "
            "draft was left as it was: %(violations)s"
        ) % {"count": len(self.violations), "violations": shown}
        return text + (_(" (and %(more)s more)") % {"more": more} if more > 0 else "")


def check(instance: Instance, solution: Solution) -> None:
    """Raise :class:`ScheduleRejected` when a schedule in ``solution`` fails ``verify``."""
    if solution.status not in (Status.OPTIMAL, Status.FEASIBLE):
        return
    violations = verify(instance, solution)
    if violations:
        raise ScheduleRejected(violations)
