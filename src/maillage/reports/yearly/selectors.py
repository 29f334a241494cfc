"""Reads of the yearly report: which reports a user may read, and for which parks and networks
they may start one (the same rules as ``reports.rules``, as queries for lists)."""

from __future__ import annotations

from django.db.models import QuerySet

from maillage.ecosystem.models import Organisation
from maillage.ecosystem.rules import managed_organisation_ids
from maillage.reports.models import YearlyReport
from maillage.reports.scopes import REPORTED_KINDS


def readable_reports(user) -> QuerySet[YearlyReport]:
    qs = YearlyReport.objects.select_related("organisation", "edited_by")
    if user.is_active and user.is_superuser:
        return qs
    return qs.filter(organisation_id__in=managed_organisation_ids(user))


def writable_organisations(user) -> QuerySet[Organisation]:
    """Parks and networks whose yearly report the user may write."""
    qs = Organisation.objects.filter(kind__in=REPORTED_KINDS).order_by("name")
    if user.is_active and user.is_superuser:
        return qs
    return qs.filter(pk__in=user.staff_of.values("pk"))
