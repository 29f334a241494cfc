"""Mail API: an event's outbox (what was sent, what waits, what failed and why) and resending.

Only those who manage the event see it; others get 404 when the event is hidden from them and
403 when they see the event but do not manage it.
"""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers, invalid, state_change
from maillage.api.event_access import managed_event
from maillage.mail import selectors, services
from maillage.mail.enums import MailStatus
from maillage.mail.models import OutgoingMail

router = Router(tags=["mail"])


class OutgoingMailOut(Schema):
    id: int
    to: str
    subject: str
    kind: str
    status: MailStatus
    attempts: int
    last_error: str
    next_attempt_at: datetime | None
    sent_at: datetime | None
    created_at: datetime


class OutboxOut(Schema):
    counts: dict[str, int]
    mails: list[OutgoingMailOut]


class OutboxQuery(Schema):
    status: MailStatus | None = None
    limit: int = 100
    offset: int = 0


class ResendIn(Schema):
    mail_ids: list[int] = []
    failed: bool = False  # resend every failed mail of the event


class ResendOut(Schema):
    resent: int


@router.get("/events/{slug}/outbox", response=answers({200: OutboxOut}, 403, 404))
def outbox(request, slug: str, query: Query[OutboxQuery]):
    event = managed_event(request, slug, "mail.view_outbox")
    if not 1 <= query.limit <= 500:
        raise invalid("limit", _("must be between 1 and 500"), where="query")
    if query.offset < 0:
        raise invalid("offset", _("must be 0 or more"), where="query")
    mails = selectors.outbox(event, status=query.status or "")
    return {
        "counts": selectors.status_counts(event),
        "mails": list(mails[query.offset : query.offset + query.limit]),
    }


@router.post(
    "/events/{slug}/outbox/resend",
    response=answers({200: ResendOut}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
)
def resend(request, slug: str, payload: ResendIn):
    event = managed_event(request, slug, "mail.resend")
    resent = services.resend_failed(event=event) if payload.failed else 0
    if payload.mail_ids:
        mails = list(OutgoingMail.objects.filter(event=event, pk__in=payload.mail_ids))
        if len(mails) != len(set(payload.mail_ids)):
            raise invalid("mail_ids", _("holds ids that are not mails of this event's outbox"))
        with state_change():  # a mail still queued: 409
            for mail in mails:
                services.resend(mail=mail)
        resent += len(mails)
    return {"resent": resent}
