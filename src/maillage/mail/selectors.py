"""Reading an event's outbox: its mails newest first, and how many are in each state."""

from __future__ import annotations

from django.db.models import Count

from maillage.mail.enums import MailStatus
from maillage.mail.models import OutgoingMail


def outbox(event, *, status: str = ""):
    mails = OutgoingMail.objects.filter(event=event).defer("body", "html")
    if status:
        mails = mails.filter(status=status)
    return mails.order_by("-created_at", "-id")


def status_counts(event) -> dict[str, int]:
    counts = {status: 0 for status in MailStatus.values}
    rows = OutgoingMail.objects.filter(event=event).values("status").annotate(n=Count("id"))
    counts.update({row["status"]: row["n"] for row in rows})
    return counts
