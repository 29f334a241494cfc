"""Reads: what each user may see, with the related rows the pages need in few queries."""

from __future__ import annotations

from django.db.models import F, Prefetch, Q, QuerySet

from maillage.partnerships.enums import AgreementStatus
from maillage.partnerships.models import Agreement, AgreementParty, Delegation
from maillage.partnerships.rules import staff_organisation_ids


def _is_admin(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_superuser)


def visible_agreements(user) -> QuerySet[Agreement]:
    qs = Agreement.objects.all()
    if not _is_admin(user):
        own = staff_organisation_ids(user)
        qs = qs.filter(Q(is_public=True) | Q(parties__organisation_id__in=own)).distinct()
    return qs.prefetch_related(
        Prefetch("parties", queryset=AgreementParty.objects.select_related("organisation")),
        "domains",
    )


def editable_agreements(user) -> QuerySet[Agreement]:
    if _is_admin(user):
        return Agreement.objects.all()
    return Agreement.objects.filter(
        parties__organisation_id__in=staff_organisation_ids(user)
    ).distinct()


def filter_agreements(qs, *, kind="", status="", organisation=None, q="") -> QuerySet[Agreement]:
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    if organisation:
        qs = qs.filter(parties__organisation=organisation)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(parties__organisation__name__icontains=q))
    return qs.distinct()


def visible_delegations(user) -> QuerySet[Delegation]:
    qs = Delegation.objects.all()
    if not _is_admin(user):
        own = staff_organisation_ids(user)
        qs = qs.filter(Q(hosts__in=own) | Q(visitors__in=own)).distinct()
    return qs.prefetch_related("hosts", "visitors")


def agreements_due_for_reminder(today):
    """Signed or active agreements whose reminder window has opened and not been served yet."""
    candidates = Agreement.objects.filter(
        status__in=[AgreementStatus.SIGNED, AgreementStatus.ACTIVE], ends_on__gte=today
    ).filter(  # NULL-safe "reminded_for != ends_on"
        Q(reminded_for__isnull=True)
        | Q(reminded_for__lt=F("ends_on"))
        | Q(reminded_for__gt=F("ends_on"))
    )
    return [a for a in candidates if a.reminder_due_on <= today]
