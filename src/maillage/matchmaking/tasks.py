"""Background tasks of matchmaking: thin, each loads by id and calls one service.

The services that queue a task (runs, release, requests) import this module when they queue
it, so this module imports them at the top."""

from __future__ import annotations

from django_tasks import task

from maillage.matchmaking.models import MeetingRequest, Schedule
from maillage.matchmaking.scheduling import release, runs
from maillage.matchmaking.services import reminders, request_notices


@task(queue_name="heavy")  # up to an hour: never ahead of mails
def run_schedule(*, run_id: int) -> None:
    runs.execute_run(run_id=run_id)


@task(queue_name="mail")
def notify_schedule_changes(*, schedule_id: int) -> None:
    schedule = Schedule.objects.select_related("session__event").filter(pk=schedule_id).first()
    if schedule is not None:
        release.send_change_notices(schedule=schedule)


@task(queue_name="mail")
def notify_request(*, request_id: int, notice: str) -> None:
    request = (
        MeetingRequest.objects.select_related(
            "session__event", "sender__registration__person", "recipient__registration__person"
        )
        .filter(pk=request_id)
        .first()
    )
    if request is not None:  # deleted before the worker got to it: nothing to tell
        request_notices.send(request=request, notice=notice)


# Periodic (settings.MAILLAGE_PERIODIC_TASKS): each idempotent, see matchmaking/services/reminders.py.
@task(queue_name="mail")
def send_day_before_reminders() -> int:
    return reminders.send_day_before_reminders()


@task(queue_name="mail")
def send_block_reminders() -> int:
    return reminders.send_block_reminders()


@task(queue_name="mail")
def send_feedback_requests() -> int:
    return reminders.send_feedback_requests()


@task(queue_name="mail")
def expire_meeting_requests() -> int:
    return reminders.expire_requests()
