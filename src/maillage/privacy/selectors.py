"""Read queries of the privacy app: people a staff member handles requests for, and the log."""

from __future__ import annotations

from django.db.models import Q

from maillage.ecosystem.models import Person
from maillage.ecosystem.rules import (
    is_platform_admin,
    managed_organisation_ids,
    staff_organisation_ids,
)
from maillage.privacy.models import DataRequest


def people_handled_by(user):
    """People whose data requests `user` may handle (the same rule as privacy.rules)."""
    if is_platform_admin(user):
        return Person.objects.all()
    return Person.objects.filter(
        Q(affiliations__organisation_id__in=managed_organisation_ids(user))
        | Q(registrations__event__organisers__in=staff_organisation_ids(user))
    ).distinct()


def find_person(*, user, email: str) -> Person | None:
    """The person with this address among those `user` handles; None for unknown and for
    invisible alike (one answer, so the search reveals nobody)."""
    email = (email or "").strip()
    if not email:
        return None
    return people_handled_by(user).filter(email__iexact=email).order_by("pk").first()


def requests_handled_by(user, *, limit: int = 50):
    """The latest data requests performed by staff on people `user` handles."""
    people = people_handled_by(user).values("pk")
    return (
        DataRequest.objects.filter(person__in=people, performed_by__isnull=False)
        .select_related("performed_by", "person")
        .order_by("-created_at", "-id")[:limit]
    )
