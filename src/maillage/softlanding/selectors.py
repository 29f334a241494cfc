"""Reads for soft landing: what each user may see, prefetched for the pages."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from maillage.partnerships.rules import staff_organisation_ids
from maillage.softlanding.enums import HOLDS_DESK, PIPELINE, ApplicationStatus
from maillage.softlanding.models import Application, HostOffer, PreferredHost, Programme


def _is_admin(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_superuser)


def visible_programmes(user) -> QuerySet[Programme]:
    qs = Programme.objects.all()
    if not _is_admin(user):
        own = staff_organisation_ids(user)
        qs = qs.filter(Q(organisers__in=own) | Q(offers__host__in=own)).distinct()
    return qs.prefetch_related("organisers")


def visible_applications(user) -> QuerySet[Application]:
    qs = Application.objects.all()
    if not _is_admin(user):
        own = staff_organisation_ids(user)
        qs = qs.filter(
            Q(programme__organisers__in=own)
            | Q(home_park__in=own)
            | Q(preferences__offer__host__in=own)
            | Q(assigned_offer__host__in=own)
        ).distinct()
    return qs.select_related(
        "startup", "home_park", "sector", "programme", "assigned_offer__host"
    ).prefetch_related(
        Prefetch("preferences", queryset=PreferredHost.objects.select_related("offer__host")),
        "programme__organisers",
    )


def board(applications) -> list[tuple[str, str, list[Application]]]:
    """Columns of the pipeline board, in order, plus declined at the end."""
    columns = {s: [] for s in [*PIPELINE, ApplicationStatus.DECLINED]}
    for app in applications:
        columns[app.status].append(app)
    return [(s, ApplicationStatus(s).label, apps) for s, apps in columns.items()]


def offers_with_load(programme) -> QuerySet[HostOffer]:
    return programme.offers.select_related("host").prefetch_related(
        "sectors",
        Prefetch(
            "assigned_applications",
            queryset=Application.objects.filter(status__in=HOLDS_DESK),
            to_attr="holding",
        ),
    )
