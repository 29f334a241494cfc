"""Background tasks of events: thin, each loads by id and calls one service."""

from __future__ import annotations

from django_tasks import task


@task(queue_name="mail")
def send_registration_email(*, registration_id: int, notice: str) -> None:
    # The services enqueue this task (they import this module), so the task imports them when
    # it runs. Importing them at the top here made the registration mails of the tests vanish
    # (mail.outbox stayed empty); kept as it was until that is understood.
    from maillage.events import services
    from maillage.events.models import Registration

    registration = (
        Registration.objects.select_related("event", "person").filter(pk=registration_id).first()
    )
    if registration is None:  # deleted before the worker got to it: nothing to tell
        return
    services.send_registration_notice(registration=registration, notice=notice)
