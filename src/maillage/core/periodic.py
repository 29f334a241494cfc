"""Periodic jobs without cron: a scheduler loop that enqueues tasks at their interval.

``settings.MAILLAGE_PERIODIC_TASKS`` lists ``(dotted path of a django-tasks task, seconds)``.
``python -m maillage serve`` runs the scheduler beside the workers; in production run
``python -m maillage periodic`` (one or more, on any machine: runs are claimed in the database,
so each run is enqueued once). The jobs themselves are idempotent as well (reminders carry an
outbox key), so even a run enqueued twice sends nothing twice.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, close_old_connections, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import Task

from maillage.core.models import PeriodicJob

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    path: str
    interval: dt.timedelta
    task: Task


def configured_jobs(entries=None) -> list[Job]:
    """The jobs of the setting, checked: each path is a task and each interval positive."""
    entries = settings.MAILLAGE_PERIODIC_TASKS if entries is None else entries
    jobs = []
    for entry in entries:
        try:
            path, seconds = entry
        except (TypeError, ValueError):
            raise ImproperlyConfigured(
                f"MAILLAGE_PERIODIC_TASKS: {entry!r} is not a pair; write "
                '("dotted.path.to.task", interval_seconds)'
            ) from None
        try:
            task = import_string(path)
        except ImportError as exc:
            raise ImproperlyConfigured(
                f"MAILLAGE_PERIODIC_TASKS: {path!r} cannot be imported ({exc})"
            ) from exc
        if not isinstance(task, Task):
            raise ImproperlyConfigured(
                f"MAILLAGE_PERIODIC_TASKS: {path!r} is not a task; decorate it with @task()"
            )
        if not isinstance(seconds, int | float) or seconds <= 0:
            raise ImproperlyConfigured(
                f"MAILLAGE_PERIODIC_TASKS: the interval of {path!r} must be a positive number "
                f"of seconds, not {seconds!r}"
            )
        jobs.append(Job(path=path, interval=dt.timedelta(seconds=seconds), task=task))
    return jobs


def _ensure_row(job: Job, now: dt.datetime) -> None:
    if not PeriodicJob.objects.filter(name=job.path).exists():
        try:
            with transaction.atomic():
                PeriodicJob.objects.create(name=job.path, next_run_at=now)
        except IntegrityError:  # another scheduler created it meanwhile
            pass


def tick(*, now: dt.datetime | None = None, jobs: list[Job] | None = None) -> list[str]:
    """Enqueue every job that is due and not claimed by another scheduler; returns their paths."""
    now = now or timezone.now()
    enqueued = []
    for job in configured_jobs() if jobs is None else jobs:
        _ensure_row(job, now)
        with transaction.atomic():
            claimed = PeriodicJob.objects.filter(name=job.path, next_run_at__lte=now).update(
                next_run_at=now + job.interval, last_enqueued_at=now
            )
            if claimed:
                job.task.enqueue()  # same transaction: the claim and the task row go together
                enqueued.append(job.path)
    return enqueued


def run_forever(*, poll: float = 5.0, stop=lambda: False) -> None:
    """The scheduler loop: a tick every ``poll`` seconds until ``stop()`` is true."""
    jobs = configured_jobs()
    logger.info("periodic scheduler: %s", ", ".join(f"{j.path} every {j.interval}" for j in jobs))
    while not stop():
        close_old_connections()
        try:
            for path in tick(jobs=jobs):
                logger.info("periodic scheduler: enqueued %s", path)
        except Exception:  # the database may be busy or away a moment: try again next tick
            logger.exception("periodic scheduler: tick failed; retrying in %s s", poll)
        time.sleep(poll)
