"""Everything the platform holds about a person, gathered for them (GDPR right of access).

The person's own rows (profile, account) and every row of any model that points at them, at
their account, at their registrations or at their matchmaking participations: found from the
models' relations, so a model added later is included without a change here. What is left out
is listed in EXCLUDED with the reason; secrets (hashed passwords, keys, tokens) never appear.
"""

from __future__ import annotations

import datetime as dt
import decimal
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone

from maillage.ecosystem.models import Person

# (model label, field name): why rows found through that relation are not the person's data.
EXCLUDED = {
    ("matchmaking.Wish", "target"): "another participant's private wish to meet this person",
    ("admin.LogEntry", "user"): "administration log of the platform",
    ("auditlog.LogEntry", "actor"): "audit trail of staff work, kept for the organisations",
    ("ecosystem.Person", "user"): "the profile itself, given above",
}
# Fields that record work done by staff for an organisation (who created an event, published a
# schedule...): the organisation's records, shown on its pages, not data about the person.
WORK_FIELDS = {
    "created_by",
    "published_by",
    "started_by",
    "edited_by",
    "generated_by",
    "uploaded_by",
    "sent_by",
    "checked_in_by",
    "registered_by",
    "scored_by",
    "endorsed_by",
    "requested_by",
    "performed_by",
    "author_user",
    "by",
}
SECRET_WORDS = ("password", "token", "secret", "hash", "key", "nonce", "digest")
PERSON_FIELDS = ["first_name", "last_name", "email", "phone", "languages", "bio"]
PERSON_FIELDS += ["public_consent", "consent_at", "created_at", "updated_at"]
ACCOUNT_FIELDS = ["email", "first_name", "last_name", "date_joined", "last_login"]


@dataclass
class Section:
    key: str
    title: str
    columns: list[tuple[str, str]] = field(default_factory=list)  # (name, label)
    rows: list[dict] = field(default_factory=list)


def _secret(name: str) -> bool:
    return any(word in name.lower() for word in SECRET_WORDS)


def _value(obj, f):
    if f.is_relation:
        related = getattr(obj, f.name, None)
        return None if related is None else str(related)
    value = getattr(obj, f.attname)
    if f.choices and value not in (None, ""):
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or None
    return value


def _columns(model, skip: set[str]) -> list:
    return [
        f
        for f in model._meta.concrete_fields
        if f.name not in skip and not _secret(f.name) and f.name not in WORK_FIELDS
    ]


def _section(model, queryset, skip: set[str]) -> Section:
    cols = _columns(model, skip)
    related = [f.name for f in cols if f.is_relation]
    rows = [
        {f.name: _value(obj, f) for f in cols}
        for obj in queryset.select_related(*related).order_by("pk")
    ]
    return Section(
        key=model._meta.label_lower,
        title=str(model._meta.verbose_name_plural).capitalize(),
        columns=[(f.name, str(f.verbose_name).capitalize()) for f in cols],
        rows=rows,
    )


def _roots(person: Person | None, user) -> dict[str, set[int]]:
    registration = apps.get_model("events", "Registration")
    participant = apps.get_model("matchmaking", "Participant")
    roots = {"accounts.user": {user.pk} if user is not None else set()}
    roots["ecosystem.person"] = {person.pk} if person is not None else set()
    roots["events.registration"] = set(
        registration.objects.filter(person_id__in=roots["ecosystem.person"]).values_list(
            "pk", flat=True
        )
    )
    roots["matchmaking.participant"] = set(
        participant.objects.filter(registration_id__in=roots["events.registration"]).values_list(
            "pk", flat=True
        )
    )
    return roots


def person_data(*, person: Person | None, user=None) -> dict:
    """All data about the person (and their account): {"generated_at", "sections": [...]}."""
    user = user if user is not None else (person.user if person is not None else None)
    roots = _roots(person, user)
    sections: list[Section] = []
    if person is not None:
        sections.append(_one(Person, person, PERSON_FIELDS, "ecosystem.person"))
    if user is not None:
        sections.append(_one(get_user_model(), user, ACCOUNT_FIELDS, "accounts.user"))
    for model in apps.get_models():
        label = model._meta.label
        for f in model._meta.get_fields():
            if not (f.is_relation and f.concrete and f.related_model is not None):
                continue
            target = f.related_model._meta.label_lower
            ids = roots.get(target)
            if not ids or (label, f.name) in EXCLUDED or f.name in WORK_FIELDS:
                continue
            if model._meta.label_lower in roots and model._meta.label_lower in (
                "ecosystem.person",
                "accounts.user",
            ):
                continue
            queryset = model._default_manager.filter(**{f"{f.name}__in": ids}).distinct()
            if not queryset.exists():
                continue
            skip = {f.name} if target in ("ecosystem.person", "accounts.user") else set()
            section = _section(model, queryset, skip)
            if f.many_to_many:
                section.title = f"{section.title} ({str(f.verbose_name)})"
            section.key = f"{model._meta.label_lower}.{f.name}"
            sections.append(section)
    email = (person.email if person is not None else "") or (user.email if user else "")
    if email:
        sections.extend(_mails(email))
    return {
        "generated_at": timezone.now().isoformat(),
        "sections": [
            {"key": s.key, "title": s.title, "columns": s.columns, "rows": s.rows} for s in sections
        ],
    }


def _one(model, obj, names: list[str], key: str) -> Section:
    cols = [model._meta.get_field(n) for n in names]
    return Section(
        key=key,
        title=str(model._meta.verbose_name).capitalize(),
        columns=[(f.name, str(f.verbose_name).capitalize()) for f in cols],
        rows=[{f.name: _value(obj, f) for f in cols}],
    )


def _mails(email: str) -> list[Section]:
    """E-mails the platform sent (or will send) to the address."""
    if not apps.is_installed("maillage.mail"):
        return []
    mail = apps.get_model("mail", "OutgoingMail")
    queryset = mail.objects.filter(to__iexact=email)
    if not queryset.exists():
        return []
    section = _section(mail, queryset, {"claimed_until", "last_error", "html", "event"})
    return [section]


def json_ready(data: dict) -> dict:
    """The download: column labels dropped, each row a mapping of field names to values."""
    return {
        "generated_at": data["generated_at"],
        "sections": {s["key"]: s["rows"] for s in data["sections"]},
    }
