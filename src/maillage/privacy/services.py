"""Consent: the only path by which a person's consents change, each change written to the log.

`record_consent` is called only when the decision comes from the person: signed in as that
person, or clicking a link sent to their address (see confirmation.py for changes asked by
anyone else, which wait for that click).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.ecosystem.models import Person
from maillage.privacy.enums import (
    CONSENT_TEXTS,
    GRANTING_METHODS,
    ConsentMethod,
    ConsentPurpose,
)
from maillage.privacy.models import ConsentRecord

# Consents kept on the person as a field: purpose -> (flag field, date field).
PERSON_FIELDS = {ConsentPurpose.PUBLIC_DIRECTORY: ("public_consent", "consent_at")}


def consent_text(purpose: str) -> str:
    """The sentence shown to the person for `purpose`, in the active language."""
    return str(CONSENT_TEXTS[purpose])


def current_consent(person: Person, purpose: str) -> bool:
    if purpose in PERSON_FIELDS:
        return bool(getattr(person, PERSON_FIELDS[purpose][0]))
    last = person.consent_records.filter(purpose=purpose).order_by("-created_at", "-id").first()
    return bool(last and last.granted)


@transaction.atomic
def record_consent(
    *, person: Person, purpose: str, granted: bool, how: str, text: str, user=None
) -> ConsentRecord | None:
    """Set the person's consent for `purpose` and log it (who, when, how, the text shown).

    Returns the new log entry, or None when the consent was already in that state.
    A consent is given only by the person: signed in (`user` is the person's account) or
    through a verified link; withdrawing happens also when the person's data are erased."""
    if purpose not in ConsentPurpose.values:
        raise ValidationError(_("Unknown consent purpose “%(p)s”.") % {"p": purpose})
    if how not in ConsentMethod.values:
        raise ValidationError(_("Unknown way of giving consent “%(h)s”.") % {"h": how})
    if granted and how not in GRANTING_METHODS:
        raise PermissionDenied(_("Only the person can give this consent."))
    if how == ConsentMethod.SIGNED_IN and (user is None or person.user_id != user.pk):
        raise PermissionDenied(
            _("Only the person, signed in, can change their consent; send them a link instead.")
        )
    person = Person.objects.select_for_update().get(pk=person.pk)
    if current_consent(person, purpose) == bool(granted):
        return None
    now = timezone.now()
    if purpose in PERSON_FIELDS:
        flag, date = PERSON_FIELDS[purpose]
        setattr(person, flag, bool(granted))
        setattr(person, date, now if granted else None)
        person.save(update_fields=[flag, date, "updated_at"])
    return ConsentRecord.objects.create(
        person=person,
        purpose=purpose,
        granted=bool(granted),
        how=how,
        text=text,
        user=user if how == ConsentMethod.SIGNED_IN else None,
        created_at=now,
    )


def consent_log(person: Person):
    return person.consent_records.order_by("created_at", "id")


@transaction.atomic
def record_demo_consents(
    *, people, purpose: str = ConsentPurpose.PUBLIC_DIRECTORY, when=None
) -> int:
    """Give `purpose` consent to fictional demonstration people in bulk, logged as demo data."""
    people = [p for p in people if not current_consent(p, purpose)]
    when = when or timezone.now()
    if purpose in PERSON_FIELDS:
        flag, date = PERSON_FIELDS[purpose]
        Person.objects.filter(pk__in=[p.pk for p in people]).update(**{flag: True, date: when})
    ConsentRecord.objects.bulk_create(
        ConsentRecord(
            person=p,
            purpose=purpose,
            granted=True,
            how=ConsentMethod.DEMO,
            text=consent_text(purpose),
            created_at=when,
        )
        for p in people
    )
    return len(people)
