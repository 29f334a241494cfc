"""Background tasks of events: thin, each loads by id and calls one service."""

from __future__ import annotations

from django_tasks import task


@task(queue_name="mail")
def send_registration_email(*, registration_id: int, notice: str) -> None:
    from maillage.events import services
    from maillage.events.models import Registration

    registration = (
        Registration.objects.select_related("event", "person").filter(pk=registration_id).first()
    )
    if registration is None:  # deleted before the worker got to it: nothing to tell
        return
    services.send_registration_notice(registration=registration, notice=notice)
