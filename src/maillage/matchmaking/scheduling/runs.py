"""Optimiser runs: started by an organiser, executed by a worker, watched and stoppable.

A run reads the session, solves with meetsolver and, when it succeeds and the schedule passes
``meetsolver.verify`` (:mod:`maillage.matchmaking.scheduling.verification`), replaces the draft's meetings
in one transaction. The published schedule is never touched. A run the organiser stops
keeps the draft as it was and stores the best schedule found, which the organiser may apply.
"""

from __future__ import annotations

import threading
import time

from django.core.exceptions import ValidationError
from django.db import IntegrityError, close_old_connections, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.matchmaking.enums import RunStatus
from maillage.matchmaking.models import MeetingSession, ScheduleRun
from maillage.matchmaking.scheduling import build, plans
from maillage.matchmaking.scheduling.verification import ScheduleRejected
from meetsolver import InstanceError, SolveConfig, Status

PROGRESS_EVERY = 2.0  # seconds between progress writes (and stop checks)
MAX_TIME_LIMIT = 3600
OVERTIME = 5.0  # seconds allowed past the time limit before the monitor stops the solve


def start_run(*, session: MeetingSession, user, time_limit: int = 60) -> ScheduleRun:
    if not 1 <= time_limit <= MAX_TIME_LIMIT:
        raise ValidationError(
            _("Give a time limit between 1 and %(max)s seconds.") % {"max": MAX_TIME_LIMIT}
        )
    if not session.slots.exists():
        raise ValidationError(
            _("The session has no slots yet; add a day with meeting hours first.")
        )
    try:
        with transaction.atomic():
            run = ScheduleRun.objects.create(
                session=session, started_by=user, time_limit=time_limit
            )
    except IntegrityError:
        raise ValidationError(
            _("The optimiser is already running for this session; wait for it or stop it.")
        ) from None
    transaction.on_commit(lambda: _enqueue(run))
    return run


def _enqueue(run: ScheduleRun) -> None:
    # matchmaking.tasks imports this module at its top to run the task: imported here, when
    # the task is queued, so that the two modules do not import each other at load time.
    from maillage.matchmaking import tasks

    result = tasks.run_schedule.enqueue(run_id=run.pk)
    ScheduleRun.objects.filter(pk=run.pk).update(task_id=str(result.id)[:64])


def stop_run(*, run: ScheduleRun) -> ScheduleRun:
    """Ask a run to stop; a queued run stops at once."""
    now = timezone.now()
    ScheduleRun.objects.filter(pk=run.pk, status=RunStatus.QUEUED).update(
        status=RunStatus.STOPPED, stop_requested=True, finished_at=now
    )
    ScheduleRun.objects.filter(pk=run.pk, status=RunStatus.RUNNING).update(stop_requested=True)
    run.refresh_from_db()
    return run


class _Monitor:
    """Writes the solver's progress to the run and turns a stop request into the stop event."""

    def __init__(self, run_id: int, time_limit: float) -> None:
        self.run_id = run_id
        # The solver's own limit is not always kept on a busy machine (model building and
        # presolve run before it applies): past it, the monitor stops the solve too.
        self.deadline = time.monotonic() + time_limit + OVERTIME
        self.latest: dict = {}
        self.stop = threading.Event()
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)

    def progress(self, info: dict) -> None:
        self.latest = info

    def snapshot(self) -> dict:
        info = self.latest
        objective, bound = info.get("objective", {}), info.get("bound", {})
        key = "weight" if "weight" in objective else next(iter(objective), None)
        return {
            "phase": key,
            "objective": objective.get(key) if key else None,
            "bound": bound.get(key) if key else None,
            "seconds": round(info.get("seconds", 0.0), 1),
        }

    def _loop(self) -> None:
        try:
            while not self.done.wait(PROGRESS_EVERY):
                ScheduleRun.objects.filter(pk=self.run_id).update(progress=self.snapshot())
                if ScheduleRun.objects.filter(pk=self.run_id, stop_requested=True).exists():
                    self.stop.set()
                if time.monotonic() > self.deadline:
                    self.stop.set()
        finally:
            connection.close()  # this thread's own connection

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.done.set()
        self.thread.join()


def execute_run(*, run_id: int) -> ScheduleRun | None:
    run = ScheduleRun.objects.select_related("session__event").filter(pk=run_id).first()
    if run is None or run.status != RunStatus.QUEUED:
        return run
    run.status, run.started_at = RunStatus.RUNNING, timezone.now()
    run.save(update_fields=["status", "started_at"])
    try:
        with _Monitor(run.pk, run.time_limit) as monitor:
            config = SolveConfig(time_limit=run.time_limit, workers=2, stop=monitor.stop)
            built, solution = build.optimise(run.session, config=config, progress=monitor.progress)
        run.progress = {**monitor.snapshot(), "seconds": round(solution.seconds, 1)}
        run.result = build.summary_of(built, solution)
        stopped = ScheduleRun.objects.filter(pk=run.pk, stop_requested=True).exists()
        if solution.status == Status.INFEASIBLE:
            run.status = RunStatus.FAILED
            run.error = " ".join(solution.conflicts) or _("The wishes and rules cannot all hold.")
        elif solution.status == Status.UNKNOWN:
            run.status = RunStatus.STOPPED if stopped else RunStatus.FAILED
            run.error = _(
                "No schedule was found within %(seconds)s seconds; start again with more time."
            ) % {"seconds": run.time_limit}
        elif stopped:
            run.status = RunStatus.STOPPED
            run.best_found = plans.plan_of(built, solution)
        else:
            plans.save_plan(session=run.session, plan=plans.plan_of(built, solution))
            run.status = RunStatus.SUCCEEDED
    except ScheduleRejected as exc:  # the draft and best_found are left as they were
        run.status, run.error = RunStatus.FAILED, exc.message
        run.result = {**(run.result or {}), "violations": exc.violations}
    except (InstanceError, ValidationError) as exc:
        run.status, run.error = RunStatus.FAILED, str(getattr(exc, "message", exc))
    except Exception as exc:  # the run must end visibly failed, never stay "running"
        run.status, run.error = RunStatus.FAILED, f"{type(exc).__name__}: {exc}"
        close_old_connections()
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "error", "progress", "result", "best_found", "finished_at"])
    return run


def apply_best_found(*, run: ScheduleRun) -> None:
    """Put the best schedule a stopped run found into the draft."""
    if run.status != RunStatus.STOPPED or not run.best_found:
        raise ValidationError(_("Only a stopped run with a schedule found can be applied."))
    if run.applied_at is not None:
        raise ValidationError(_("This schedule has been applied already."))
    newer = ScheduleRun.objects.filter(
        session=run.session, status=RunStatus.SUCCEEDED, finished_at__gt=run.finished_at
    ).exists()
    if newer:
        raise ValidationError(
            _("A later run has replaced the draft since; apply that one instead.")
        )
    try:
        plans.save_plan(session=run.session, plan=run.best_found)
    except IntegrityError:
        raise ValidationError(
            _("The session changed since this run (participants, slots or tables); run again.")
        ) from None
    run.applied_at = timezone.now()
    run.save(update_fields=["applied_at"])
