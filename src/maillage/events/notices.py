"""The e-mails sent to registrants: one plain-text template per notice, in their language."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from maillage.events import tokens
from maillage.events.models import Registration
from maillage.mail.services import queue_mail

NOTICES = ("confirmed", "pending", "waitlisted", "promoted", "declined", "cancelled")


def subject(notice: str, title: str) -> str:
    subjects = {
        "confirmed": _("Your registration is confirmed: %(title)s"),
        "pending": _("Your registration is received and awaits approval: %(title)s"),
        "waitlisted": _("You are on the waiting list: %(title)s"),
        "promoted": _("A place is free, your registration is confirmed: %(title)s"),
        "declined": _("Your registration was declined: %(title)s"),
        "cancelled": _("Your registration is cancelled: %(title)s"),
    }
    return subjects[notice] % {"title": title}


def send(*, registration: Registration, notice: str) -> None:
    if notice not in NOTICES:
        raise ValueError(f"unknown notice {notice!r}; expected one of {', '.join(NOTICES)}")
    event = registration.event
    language = registration.language or settings.LANGUAGE_CODE
    with translation.override(language), timezone.override(event.zone):
        body = render_to_string(
            "events/email/registration.txt",
            {
                "registration": registration,
                "event": event,
                "person": registration.person,
                "notice": notice,
                "site_url": settings.SITE_URL,
                "page_url": tokens.personal_link_url(registration),
            },
        )
        stamp = int((registration.decided_at or registration.created_at).timestamp())
        queue_mail(
            to=registration.person.email,
            subject=subject(notice, event.title),
            body=body,
            event=event,
            kind=f"registration.{notice}",
            key=f"registration:{registration.pk}:{notice}:{stamp}",  # a repeated task sends once
        )
