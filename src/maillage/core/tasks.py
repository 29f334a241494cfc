"""Background tasks of the platform's core: thin, each calls one service."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from maillage.core import health, jobs

KEEP_FINISHED_JOBS = dt.timedelta(days=7)  # a PDF made or an import's report stays a week


@task(queue_name="files")
def run_job(*, job_id: str) -> None:
    jobs.run(job_id)


# Periodic (settings.MAILLAGE_PERIODIC_TASKS).
@task(queue_name="files")
def drop_old_jobs() -> int:
    return jobs.delete_finished_before(timezone.now() - KEEP_FINISHED_JOBS)


@task()
def heartbeat(*, queue: str) -> None:
    health.beat(queue)


# Periodic: one heartbeat on every queue, run by whichever worker serves it.
@task()
def send_heartbeats() -> None:
    for queue in settings.TASK_QUEUES:
        heartbeat.using(queue_name=queue).enqueue(queue=queue)
