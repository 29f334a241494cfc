"""Is the platform working? The database answers, and every task queue has a worker.

The periodic scheduler enqueues the heartbeat task on every queue each minute
(``maillage.core.tasks.send_heartbeats``); the worker that runs it stamps the queue's
``WorkerHeartbeat``. A queue whose stamp is older than ``STALE`` has no working worker, or its
worker is stuck behind a task longer than that (an optimiser run on the heavy queue: there
``STALE_HEAVY`` allows an hour-long run), or the scheduler is down.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from maillage.core.models import WorkerHeartbeat

STALE = dt.timedelta(minutes=5)
STALE_HEAVY = dt.timedelta(minutes=70)


@dataclass(frozen=True)
class QueueHealth:
    queue: str
    last_seen: dt.datetime | None
    ok: bool


@dataclass(frozen=True)
class Health:
    database: bool
    database_ms: float | None
    queues: list[QueueHealth]

    @property
    def ok(self) -> bool:
        return self.database and all(q.ok for q in self.queues)

    def as_json(self) -> dict:
        return {
            "status": "ok" if self.ok else "failing",
            "database": {"ok": self.database, "ms": self.database_ms},
            "queues": {
                q.queue: {
                    "ok": q.ok,
                    "last_seen": q.last_seen.isoformat() if q.last_seen else None,
                }
                for q in self.queues
            },
        }


def beat(queue: str) -> None:
    """Stamp ``queue``: a worker of it is running tasks now."""
    WorkerHeartbeat.objects.update_or_create(queue=queue, defaults={"seen_at": timezone.now()})


def check(*, now: dt.datetime | None = None) -> Health:
    now = now or timezone.now()
    start = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        seen = dict(WorkerHeartbeat.objects.values_list("queue", "seen_at"))
    except DatabaseError:
        return Health(database=False, database_ms=None, queues=[])
    ms = round((time.perf_counter() - start) * 1000, 1)
    queues = []
    for queue in settings.TASK_QUEUES:
        last = seen.get(queue)
        limit = STALE_HEAVY if queue == "heavy" else STALE
        queues.append(QueueHealth(queue, last, last is not None and now - last <= limit))
    return Health(database=True, database_ms=ms, queues=queues)
