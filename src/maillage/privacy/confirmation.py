"""Consent changes asked by someone other than the person wait for the person's confirmation.

Staff (or any path where the person is not signed in) call `ask_consent_change`: nothing
changes, a mail goes to the person's address with a signed link that serves this one purpose
(its own salt), expires, and is used once. The person opens it, reads the sentence and confirms
with a button (a POST: mail scanners that open links confirm nothing); only then does
`record_consent` run, with how = verified link.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from maillage.ecosystem.models import Person
from maillage.mail.services import queue_mail
from maillage.privacy.enums import ConsentMethod
from maillage.privacy.models import ConsentRecord, ConsentRequest
from maillage.privacy.services import consent_text, current_consent, record_consent

SALT = "maillage.privacy.consent-confirmation"
LINK_DAYS = 14


class ConsentLinkError(ValidationError):
    """The link is not (or no longer) valid; the message says why and what to do."""


def person_language(person: Person) -> str:
    """The first of the person's languages that the platform speaks, else the default."""
    spoken = {code for code, _name in settings.LANGUAGES}
    for code in (person.languages or "").split(","):
        if code.strip().lower() in spoken:
            return code.strip().lower()
    return settings.LANGUAGE_CODE


def confirmation_url(request: ConsentRequest) -> str:
    token = signing.dumps({"r": request.pk}, salt=SALT, compress=True)
    return settings.SITE_URL + reverse("privacy:consent_confirm", kwargs={"token": token})


@transaction.atomic
def ask_consent_change(
    *, person: Person, purpose: str, granted: bool, requested_by=None
) -> ConsentRequest | None:
    """Ask the person, by e-mail, to confirm a consent change; None when nothing would change.

    The person's consent stays as it is until they confirm."""
    if current_consent(person, purpose) == bool(granted):
        return None
    if not person.email:
        raise ValidationError(
            _(
                "%(name)s has no e-mail address, so cannot be asked: only they can change this "
                "consent, signed in to their profile."
            )
            % {"name": person}
        )
    language = person_language(person)
    with translation.override(language):
        request = ConsentRequest.objects.create(
            person=person,
            purpose=purpose,
            granted=bool(granted),
            text=consent_text(purpose),
            email=person.email,
            language=language,
            requested_by=requested_by,
        )
        context = {
            "person": person,
            "request": request,
            "url": confirmation_url(request),
            "days": LINK_DAYS,
            "site_url": settings.SITE_URL,
        }
        subject = (
            _("Please confirm: do you want to appear in the public directory?")
            if granted
            else _("Please confirm: do you want to leave the public directory?")
        )
        body = render_to_string("privacy/email/consent_request.txt", context)
    queue_mail(
        to=person.email, subject=subject, body=body, kind="consent", key=f"consent:{request.pk}"
    )
    return request


def request_from_token(token: str) -> ConsentRequest:
    """The request a link points to, if the link is still good (else ConsentLinkError)."""
    try:
        data = signing.loads(token, salt=SALT, max_age=dt.timedelta(days=LINK_DAYS))
        request = ConsentRequest.objects.select_related("person").get(pk=int(data["r"]))
    except signing.SignatureExpired as exc:
        raise ConsentLinkError(
            _("This link has expired (links last %(days)s days); ask for a new one.")
            % {"days": LINK_DAYS}
        ) from exc
    except (signing.BadSignature, KeyError, TypeError, ValueError, ConsentRequest.DoesNotExist):
        raise ConsentLinkError(
            _("This link is not valid; check that it was copied whole from the e-mail.")
        ) from None
    if request.person.email.strip().lower() != request.email.strip().lower():
        raise ConsentLinkError(
            _("This link was sent to an address the person no longer has; ask for a new one.")
        )
    newer = ConsentRequest.objects.filter(
        person=request.person, purpose=request.purpose, created_at__gt=request.created_at
    )
    if request.confirmed_at is None and newer.exists():
        raise ConsentLinkError(_("A newer e-mail replaced this link; use the newest one."))
    return request


@transaction.atomic
def confirm_consent_change(*, token: str) -> tuple[ConsentRequest, ConsentRecord | None]:
    """The person confirms through the link: the consent changes and is logged (verified link).

    Confirming twice changes nothing more (the second time returns no record)."""
    request = request_from_token(token)
    request = ConsentRequest.objects.select_for_update().select_related("person").get(pk=request.pk)
    if request.confirmed_at is not None:
        return request, None
    record = record_consent(
        person=request.person,
        purpose=request.purpose,
        granted=request.granted,
        how=ConsentMethod.VERIFIED_LINK,
        text=request.text,
    )
    request.confirmed_at = timezone.now()
    request.save(update_fields=["confirmed_at"])
    return request, record
