"""Agreements: record, edit, move through their statuses, commitments, documents, reminders."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.mail.services import queue_mail
from maillage.partnerships import documents
from maillage.partnerships.enums import AGREEMENT_TRANSITIONS, AgreementStatus, PartyRole
from maillage.partnerships.models import (
    Agreement,
    AgreementDocument,
    AgreementNote,
    AgreementParty,
    Commitment,
)
from maillage.partnerships.rules import staff_organisation_ids
from maillage.partnerships.selectors import agreements_due_for_reminder

FIELDS = (
    "title",
    "kind",
    "description",
    "is_public",
    "signed_on",
    "starts_on",
    "ends_on",
    "remind_days_before",
    "place",
    "occasion",
)


def _check_parties(parties, user) -> list[tuple]:
    """Parties as (organisation, role) pairs; at least two distinct, one of them the user's."""
    seen, clean = set(), []
    for organisation, role in parties:
        if organisation is None or organisation.pk in seen:
            continue
        seen.add(organisation.pk)
        clean.append((organisation, role or PartyRole.SIGNATORY))
    if len(clean) < 2:
        raise ValidationError(
            {
                "parties": _(
                    "An agreement needs at least two different parties. Add the partner organisation."
                )
            }
        )
    if user is not None and not user.is_superuser and not (seen & staff_organisation_ids(user)):
        raise ValidationError(
            {"parties": _("One of the parties must be an organisation you work for.")}
        )
    return clean


def _check_dates(*, signed_on, starts_on, ends_on) -> None:
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError(
            {"ends_on": _("The end date comes before the start date. Swap or correct them.")}
        )
    if signed_on and ends_on and ends_on < signed_on:
        raise ValidationError(
            {"ends_on": _("The end date comes before the signature date. Correct one of them.")}
        )


def _check_status_dates(status, signed_on) -> None:
    if (
        status in (AgreementStatus.SIGNED, AgreementStatus.ACTIVE, AgreementStatus.EXPIRED)
        and not signed_on
    ):
        raise ValidationError({"signed_on": _("A signed agreement needs its signature date.")})


@transaction.atomic
def create_agreement(
    *,
    user: User | None,
    title: str,
    kind: str,
    parties,
    status: str = AgreementStatus.NEGOTIATION,
    domains=(),
    signatories=(),
    commitments=(),
    **fields,
) -> Agreement:
    """Create an agreement with its parties (pairs of organisation and role) and commitments
    (dicts with action, kind, owner, due_on). All or nothing."""
    clean_parties = _check_parties(parties, user)
    _check_dates(
        signed_on=fields.get("signed_on"),
        starts_on=fields.get("starts_on"),
        ends_on=fields.get("ends_on"),
    )
    if status not in AgreementStatus.values:
        raise ValidationError({"status": _("Unknown status.")})
    _check_status_dates(status, fields.get("signed_on"))
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown agreement fields: {sorted(unknown)}")
    agreement = Agreement.objects.create(
        title=title, kind=kind, status=status, created_by=user, **fields
    )
    AgreementParty.objects.bulk_create(
        AgreementParty(agreement=agreement, organisation=org, role=role)
        for org, role in clean_parties
    )
    agreement.domains.set(domains)
    agreement.signatories.set(signatories)
    for commitment in commitments:
        add_commitment(agreement=agreement, **commitment)
    return agreement


@transaction.atomic
def update_agreement(
    *,
    agreement: Agreement,
    user: User | None,
    parties=None,
    domains=None,
    signatories=None,
    **fields,
) -> Agreement:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown agreement fields: {sorted(unknown)}")
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    merged = {
        name: fields.get(name, getattr(agreement, name))
        for name in ("signed_on", "starts_on", "ends_on")
    }
    _check_dates(**merged)
    _check_status_dates(agreement.status, merged["signed_on"])
    for name, value in fields.items():
        setattr(agreement, name, value)
    agreement.save(update_fields=[*fields, "updated_at"])
    if parties is not None:
        clean = _check_parties(parties, user)
        agreement.parties.exclude(organisation__in=[org for org, _ in clean]).delete()
        for org, role in clean:
            AgreementParty.objects.update_or_create(
                agreement=agreement, organisation=org, defaults={"role": role}
            )
    if domains is not None:
        agreement.domains.set(domains)
    if signatories is not None:
        agreement.signatories.set(signatories)
    return agreement


@transaction.atomic
def change_agreement_status(
    *, agreement: Agreement, status: str, user: User | None, signed_on: dt.date | None = None
) -> Agreement:
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    old = agreement.status
    if status not in AGREEMENT_TRANSITIONS.get(old, set()):
        allowed = ", ".join(
            str(AgreementStatus(s).label) for s in sorted(AGREEMENT_TRANSITIONS.get(old, ()))
        )
        raise ValidationError(
            {
                "status": _(
                    "An agreement that is “%(old)s” cannot become “%(new)s”. Possible next statuses: %(allowed)s."
                )
                % {
                    "old": AgreementStatus(old).label,
                    "new": AgreementStatus(status).label
                    if status in AgreementStatus.values
                    else status,
                    "allowed": allowed or _("none"),
                }
            }
        )
    if status == AgreementStatus.SIGNED and not agreement.signed_on:
        agreement.signed_on = signed_on or timezone.localdate()
    agreement.status = status
    agreement.save(update_fields=["status", "signed_on", "updated_at"])
    AgreementNote.objects.create(
        agreement=agreement,
        author=user,
        body=_("Status changed from “%(old)s” to “%(new)s”.")
        % {"old": AgreementStatus(old).label, "new": AgreementStatus(status).label},
    )
    return agreement


@transaction.atomic
def add_commitment(
    *, agreement: Agreement, action: str, kind: str = "other", owner=None, due_on=None
) -> Commitment:
    if not (action or "").strip():
        raise ValidationError(
            {"action": _("Say what the action is, e.g. “Joint seminar on AI in Chengdu”.")}
        )
    if owner is not None and owner.pk not in {p.organisation_id for p in agreement.parties.all()}:
        raise ValidationError({"owner": _("The owner of a commitment must be one of the parties.")})
    return Commitment.objects.create(
        agreement=agreement, action=action.strip(), kind=kind, owner=owner, due_on=due_on
    )


def set_commitment_done(
    *, commitment: Commitment, done: bool, today: dt.date | None = None
) -> Commitment:
    commitment.done = done
    commitment.done_on = (today or timezone.localdate()) if done else None
    commitment.save(update_fields=["done", "done_on"])
    return commitment


@transaction.atomic
def add_document(*, agreement: Agreement, title: str, file, user: User | None) -> AgreementDocument:
    try:
        documents.check_pdf(file)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from exc
    doc = AgreementDocument(
        agreement=agreement, title=title or file.name, file=file, size=file.size, uploaded_by=user
    )
    doc.save()
    return doc


def add_note(*, agreement: Agreement, body: str, user: User | None) -> AgreementNote:
    if not (body or "").strip():
        raise ValidationError(
            {"body": _("The note is empty. Write what happened or what was decided.")}
        )
    return AgreementNote.objects.create(agreement=agreement, body=body.strip(), author=user)


def _staff_by_language(agreement: Agreement) -> dict[str, list[str]]:
    """E-mail addresses of the parties' staff, grouped by their preferred language."""
    org_ids = agreement.parties.values_list("organisation_id", flat=True)
    groups: dict[str, set[str]] = {}
    users = User.objects.filter(staff_of__in=org_ids, is_active=True).exclude(email="")
    for email, language in users.values_list("email", "language"):
        groups.setdefault(language or settings.LANGUAGE_CODE, set()).add(email)
    return {language: sorted(emails) for language, emails in sorted(groups.items())}


def _send_reminder(agreement: Agreement, recipients: list[str], today: dt.date) -> None:
    days = (agreement.ends_on - today).days
    values = {
        "title": agreement.title,
        "date": agreement.ends_on.isoformat(),
        "days": days,
        "url": settings.SITE_URL + agreement.get_absolute_url(),
    }
    subject = _("Agreement “%(title)s” ends in %(days)d days") % values
    body = (
        _(
            "The agreement “%(title)s” ends or comes up for renewal on %(date)s (in %(days)d days).\n"
            "Decide whether to renew it and record the decision on its page:\n%(url)s\n"
        )
        % values
    )
    for recipient in recipients:  # one mail each: no address sees the others
        queue_mail(
            to=recipient,
            subject=subject,
            body=body,
            kind="agreement.reminder",
            key=f"agreement-reminder:{agreement.pk}:{agreement.ends_on.isoformat()}:{recipient}",
        )


def send_expiry_reminders(*, today: dt.date | None = None) -> int:
    """E-mail the staff of the parties of each agreement entering its reminder window, each in
    their language; once per end date (renewing with a new date arms a new reminder).
    Returns the number of recipients."""
    today = today or timezone.localdate()
    sent = 0
    for agreement in agreements_due_for_reminder(today):
        groups = _staff_by_language(agreement)
        with transaction.atomic():
            locked = Agreement.objects.select_for_update().get(pk=agreement.pk)
            if locked.reminded_for == locked.ends_on:
                continue  # another worker got there first
            for language, recipients in groups.items():
                with translation.override(language):
                    _send_reminder(locked, recipients, today)
                sent += len(recipients)
            locked.reminded_for = locked.ends_on
            locked.save(update_fields=["reminded_for"])
            AgreementNote.objects.create(
                agreement=locked,
                body=_("Expiry reminder sent to %(n)d staff member(s).")
                % {"n": sum(map(len, groups.values()))},
            )
    return sent


@transaction.atomic
def expire_agreements(*, today: dt.date | None = None) -> int:
    """Active or signed agreements past their end date become expired."""
    today = today or timezone.localdate()
    due = list(
        Agreement.objects.select_for_update().filter(
            status__in=[AgreementStatus.SIGNED, AgreementStatus.ACTIVE], ends_on__lt=today
        )
    )
    for agreement in due:
        agreement.status = AgreementStatus.EXPIRED
        agreement.save(update_fields=["status", "updated_at"])
        AgreementNote.objects.create(agreement=agreement, body=_("Expired on its end date."))
    return len(due)
