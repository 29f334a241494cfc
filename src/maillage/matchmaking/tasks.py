"""Background tasks of matchmaking: thin, each loads by id and calls one service."""

from __future__ import annotations

from django_tasks import task


@task()
def run_schedule(*, run_id: int) -> None:
    from maillage.matchmaking import runs

    runs.execute_run(run_id=run_id)


@task()
def notify_schedule_changes(*, schedule_id: int) -> None:
    from maillage.matchmaking import release
    from maillage.matchmaking.models import Schedule

    schedule = Schedule.objects.select_related("session__event").filter(pk=schedule_id).first()
    if schedule is not None:
        release.send_change_notices(schedule=schedule)
