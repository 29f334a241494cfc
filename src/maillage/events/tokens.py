"""The secrets of a registration, one purpose each, and the links built on them.

- The badge code (``Registration.token``, printed with its QR code) is a check-in code only: it
  counts for something only when a signed-in staff member of the event types or scans it.
- The personal link (``RegistrationKey.Purpose.PAGE``) is sent to the registrant's address and
  opens their registration page (badge code, status, cancellation) in that browser.
- The calendar subscription (``RegistrationKey.Purpose.CALENDAR``) is a read-only ICS feed of
  the participant's meetings, for calendar applications that cannot sign in.

Keys are random (256 bits), created on first use and replaced on request: a replaced key's links
stop working at once (404, nothing revealed), including the browsers that opened the old
personal link. None of these keys opens what another one does.
"""

from __future__ import annotations

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from maillage.events.models import Registration, RegistrationKey, new_key
from maillage.mail.services import queue_mail

Purpose = RegistrationKey.Purpose

# Registrations whose personal link this browser opened: {registration id: key}.
SESSION_KEY = "events.personal_links"


def key_of(registration: Registration, purpose: str) -> str:
    """The registration's current key for `purpose`, created on first use."""
    found = RegistrationKey.objects.filter(registration=registration, purpose=purpose).first()
    if found is not None:
        return found.key
    try:
        with transaction.atomic():
            return RegistrationKey.objects.create(registration=registration, purpose=purpose).key
    except IntegrityError:  # created meanwhile by a concurrent request
        return RegistrationKey.objects.get(registration=registration, purpose=purpose).key


@transaction.atomic
def rotate(*, registration: Registration, purpose: str) -> str:
    """Replace the key for `purpose`: every link made with the old one stops working."""
    key = new_key()
    updated = RegistrationKey.objects.filter(registration=registration, purpose=purpose).update(
        key=key
    )
    if not updated:
        RegistrationKey.objects.create(registration=registration, purpose=purpose, key=key)
    return key


def registration_by_key(key: str, purpose: str) -> Registration | None:
    """The registration a key of this purpose belongs to, or None (unknown, replaced, or a key
    of another purpose)."""
    if not key or len(key) > 64:
        return None
    found = (
        RegistrationKey.objects.select_related(
            "registration__event", "registration__person", "registration__organisation"
        )
        .filter(key=key, purpose=purpose)
        .first()
    )
    return found.registration if found else None


def personal_link_url(registration: Registration) -> str:
    """Absolute address of the personal link to the registration page (for e-mails)."""
    path = reverse("events:registration_link", kwargs={"key": key_of(registration, Purpose.PAGE)})
    return settings.SITE_URL + path


def calendar_feed_url(registration: Registration) -> str:
    """Absolute address of the participant's ICS subscription (agenda page, reminder e-mails).
    Separate from the badge code and from the personal link; replaced by ``rotate``."""
    key = key_of(registration, Purpose.CALENDAR)
    return settings.SITE_URL + reverse("matchmaking:agenda_feed", kwargs={"token": key})


def remember_link(session, registration: Registration, key: str) -> None:
    """This browser opened the personal link: it may see the page and cancel from it."""
    opened = dict(session.get(SESSION_KEY, {}))
    opened[str(registration.pk)] = key
    session[SESSION_KEY] = opened
    session.cycle_key()  # a new session id once it holds a credential


def opened_link(session, registration: Registration) -> bool:
    """Whether this browser holds the registration's current personal link."""
    key = session.get(SESSION_KEY, {}).get(str(registration.pk))
    return (
        bool(key)
        and RegistrationKey.objects.filter(
            registration=registration, purpose=Purpose.PAGE, key=key
        ).exists()
    )


def send_personal_links(*, email: str, registrations=None) -> int:
    """Mail the personal link of each registration of `email` to an event not over yet (or of
    the `registrations` given), in the registrant's language. The same link is sent at most
    once an hour; the caller says the same thing whether anything was sent or not."""
    email = (email or "").strip()
    if registrations is None:
        registrations = Registration.objects.filter(
            person__email__iexact=email, event__ends_at__gte=timezone.now()
        ).select_related("event", "person")
    hour = timezone.now().strftime("%Y%m%d%H")
    sent = 0
    for registration in registrations:
        event = registration.event
        url = personal_link_url(registration)
        with translation.override(registration.language or settings.LANGUAGE_CODE):
            with timezone.override(event.zone):
                body = render_to_string(
                    "events/email/personal_link.txt",
                    {"registration": registration, "event": event, "url": url},
                )
            subject = _("Your personal link: %(title)s") % {"title": event.title}
        key = key_of(registration, Purpose.PAGE)
        queue_mail(
            to=registration.person.email,
            subject=subject,
            body=body,
            event=event,
            kind="personal_link",
            key=f"personal-link:{registration.pk}:{key[:12]}:{hour}",
        )
        sent += 1
    return sent
