"""Registering oneself without being signed in: the address is checked before anything happens.

The public form of an event open to registration asks for an address; unless the visitor is
signed in with that very address, the registration waits (``PendingRegistration``) and a link
goes to the address. Opening it registers the person (matched to the directory by the
address), opens their account, signs them in and records the consents they ticked, through the
privacy app, as given by a verified link. Before that, nothing about the person the address may
belong to is read out or changed, and the page says the same for every address: nobody can
register, sign up or give consent in the name of an address they do not control.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from maillage.accounts.sign_in_links import account_for
from maillage.events.models import Event, PendingRegistration, Registration
from maillage.events.services.registrations import (
    AlreadyRegistered,
    check_registration_open,
    register,
)
from maillage.mail.services import queue_mail

CONFIRM_DAYS = 3  # a registration link not opened within three days is dropped
DETAIL_FIELDS = (
    "first_name",
    "last_name",
    "organisation_name",
    "country",
    "website",
    "job_title",
    "phone",
    "participation_type",
    "listed_publicly",
    "public_directory",
)


class LinkUnusable(ValidationError):
    """The confirmation link is unknown, used already or expired."""


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def request_registration(
    *, event: Event, email: str, now: dt.datetime | None = None, **details
) -> PendingRegistration:
    """Keep the registration typed for ``email`` and mail the address its confirmation link."""
    now = now or timezone.now()
    check_registration_open(event, now)
    email = email.strip().lower()
    key = secrets.token_urlsafe(32)
    language = translation.get_language() or settings.LANGUAGE_CODE
    pending = PendingRegistration.objects.create(
        event=event,
        email=email,
        details={name: details[name] for name in DETAIL_FIELDS if name in details},
        language=language,
        key_hash=_hash(key),
    )
    url = settings.SITE_URL + reverse(
        "events:register_confirm", kwargs={"slug": event.slug, "key": key}
    )
    with translation.override(language), timezone.override(event.zone):
        body = render_to_string(
            "events/email/registration_check.txt",
            {"event": event, "url": url, "days": CONFIRM_DAYS},
        )
        subject = _("Confirm your registration: %(title)s") % {"title": event.title}
    queue_mail(to=email, subject=subject, body=body, event=event, kind="registration_check")
    return pending


def _pending(slug: str, key: str, now: dt.datetime, *, lock: bool = False):
    qs = PendingRegistration.objects.select_related("event").filter(
        key_hash=_hash(key or ""),
        event__slug=slug,
        confirmed_at__isnull=True,
        created_at__gte=now - dt.timedelta(days=CONFIRM_DAYS),
    )
    return (qs.select_for_update() if lock else qs).first()


def pending_for(*, slug: str, key: str, now: dt.datetime | None = None):
    """The registration waiting for this link, or None (unknown, used, expired)."""
    return _pending(slug, key, now or timezone.now())


def confirm_registration(*, slug: str, key: str, now: dt.datetime | None = None):
    """Open a confirmation link: returns (registration, user, created). Raises LinkUnusable for
    an unknown, used or expired link, or the registration's own errors (closed, full)."""
    now = now or timezone.now()
    with transaction.atomic():
        pending = _pending(slug, key, now, lock=True)
        if pending is None:
            raise LinkUnusable(
                _("This link no longer works: it was used already, it expired, or it was cut.")
            )
        details = dict(pending.details)
        with translation.override(pending.language or settings.LANGUAGE_CODE):
            try:
                registration = register(
                    event=pending.event, email=pending.email, verified=True, now=now, **details
                )
                created = True
            except AlreadyRegistered:
                registration = Registration.objects.get(
                    event=pending.event, person__email__iexact=pending.email
                )
                created = False
        try:
            user = account_for(registration.person)
        except ValueError:  # the address's account belongs to another person: no sign-in
            user = None
        pending.confirmed_at = now
        pending.save(update_fields=["confirmed_at"])
    return registration, user, created


def drop_expired(*, now: dt.datetime | None = None) -> int:
    """Forget registrations whose link was never opened (periodic, idempotent)."""
    now = now or timezone.now()
    deleted, _rows = PendingRegistration.objects.filter(
        created_at__lt=now - dt.timedelta(days=CONFIRM_DAYS)
    ).delete()
    return deleted
