"""Background tasks of matchmaking: thin, each loads by id and calls one service."""

from __future__ import annotations

from django_tasks import task


@task(queue_name="heavy")  # up to an hour: never ahead of mails
def run_schedule(*, run_id: int) -> None:
    from maillage.matchmaking import runs

    runs.execute_run(run_id=run_id)


@task(queue_name="mail")
def notify_schedule_changes(*, schedule_id: int) -> None:
    from maillage.matchmaking import release
    from maillage.matchmaking.models import Schedule

    schedule = Schedule.objects.select_related("session__event").filter(pk=schedule_id).first()
    if schedule is not None:
        release.send_change_notices(schedule=schedule)


@task(queue_name="mail")
def notify_request(*, request_id: int, notice: str) -> None:
    from maillage.matchmaking import request_notices
    from maillage.matchmaking.models import MeetingRequest

    request = (
        MeetingRequest.objects.select_related(
            "session__event", "sender__registration__person", "recipient__registration__person"
        )
        .filter(pk=request_id)
        .first()
    )
    if request is not None:  # deleted before the worker got to it: nothing to tell
        request_notices.send(request=request, notice=notice)
