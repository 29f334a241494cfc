"""The audit trail of staff writes (django-auditlog): which models, who may read an object's
history, and the actor of API writes.

auditlog keeps one LogEntry table (who, when, what changed: field by field, old and new). The
actor is the signed-in user of the request, or the user of the API token: the middleware below
resolves the user when the entry is written, after the API's authentication has run.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditlog.middleware import AuditlogMiddleware
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.apps import apps
from django.utils.functional import SimpleLazyObject

# Derived or bookkeeping fields, not worth a line in the history.
EXCLUDED_FIELDS = ["updated_at", "search_text", "name_key", "website_domain"]


@dataclass(frozen=True)
class Audited:
    label: str  # app_label.ModelName
    permission: str  # the permission to edit the object = to read its history
    guarded: str = ""  # the attribute holding the object the permission is checked on


AUDITED = {
    "organisation": Audited("ecosystem.Organisation", "ecosystem.change_organisation"),
    "event": Audited("events.Event", "events.change_event"),
    "schedule": Audited("matchmaking.Schedule", "matchmaking.manage_session", "session"),
    "agreement": Audited("partnerships.Agreement", "partnerships.change_agreement"),
    "delegation": Audited("partnerships.Delegation", "partnerships.change_delegation"),
    "programme": Audited("softlanding.Programme", "softlanding.change_programme"),
}


def register_models() -> None:
    """Called once when the apps are ready (PrivacyConfig.ready)."""
    for audited in AUDITED.values():
        model = apps.get_model(audited.label)
        if not auditlog.contains(model):
            fields = {f.name for f in model._meta.concrete_fields}
            # Ties to organisations, sectors and domains; never to people (their names would stay
            # in the trail after an erasure).
            m2m = {
                f.name
                for f in model._meta.many_to_many
                if f.remote_field.through._meta.auto_created
                and f.related_model._meta.label != "ecosystem.Person"
            }
            auditlog.register(
                model,
                exclude_fields=[f for f in EXCLUDED_FIELDS if f in fields],
                m2m_fields=m2m,
            )


def kind_of(obj) -> str | None:
    for kind, audited in AUDITED.items():
        if obj._meta.label == audited.label:
            return kind
    return None


def may_read_history(user, kind: str, obj) -> bool:
    audited = AUDITED[kind]
    target = getattr(obj, audited.guarded) if audited.guarded else obj
    return user.has_perm(audited.permission, target)


def history(obj):
    """The object's entries, newest first, with their actors."""
    return LogEntry.objects.get_for_object(obj).select_related("actor").order_by("-timestamp")


def _signed_in(request):
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


class AuditActorMiddleware(AuditlogMiddleware):
    """auditlog's middleware, with the actor read when an entry is saved (so the user that the
    API's token authentication set on the request is the actor of API writes)."""

    @staticmethod
    def _get_actor(request):
        return SimpleLazyObject(lambda: _signed_in(request))
