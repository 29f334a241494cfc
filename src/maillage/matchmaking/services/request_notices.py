"""E-mails about meeting requests: to the recipient when one arrives, to the sender when it is
accepted. Each is written in the language of the person it goes to."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from maillage.mail.services import queue_mail
from maillage.matchmaking.models import Meeting, MeetingRequest

NOTICES = ("received", "accepted")


def send(*, request: MeetingRequest, notice: str) -> bool:
    """Send one notice; returns False when the person has no e-mail address."""
    if notice not in NOTICES:
        raise ValueError(f"unknown notice {notice!r}; expected one of {', '.join(NOTICES)}")
    to, other = (
        (request.recipient, request.sender)
        if notice == "received"
        else (request.sender, request.recipient)
    )
    reg = to.registration
    if not reg.person.email:
        return False
    event = request.session.event
    meeting = (
        Meeting.objects.filter(request=request).select_related("slot", "table", "room").first()
        if notice == "accepted"
        else None
    )
    with (
        translation.override(reg.language or settings.LANGUAGE_CODE),
        timezone.override(event.zone),
    ):
        body = render_to_string(
            "matchmaking/email/request.txt",
            {
                "notice": notice,
                "event": event,
                "person": reg.person,
                "other": other.registration.person,
                "sender": (
                    f"{other.registration.person} ({other.registration.organisation})"
                    if other.registration.organisation
                    else other.registration.person
                ),
                "request": request,
                "meeting": meeting,
                "requests_url": settings.SITE_URL
                + reverse("matchmaking:requests", kwargs={"session_id": request.session_id}),
                "agenda_url": settings.SITE_URL
                + reverse("matchmaking:my_agenda", kwargs={"session_id": request.session_id}),
            },
        )
        if notice == "received":
            subject = _("%(who)s asks you for a meeting at %(title)s")
        else:
            subject = _("%(who)s accepted your meeting request at %(title)s")
        subject = subject % {"who": other.registration.person, "title": event.title}
    queue_mail(
        to=reg.person.email,
        subject=subject,
        body=body,
        event=event,
        kind=f"request.{notice}",
        key=f"meeting-request:{request.pk}:{notice}",  # each notice once per request
    )
    return True
