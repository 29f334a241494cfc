"""Matching a programme's waiting applications with its host offers: the plain data for the
solver (``softlanding.matching``), a proposed assignment, and staff accepting it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from maillage.softlanding import matching
from maillage.softlanding.enums import ApplicationStatus
from maillage.softlanding.models import Application, HostOffer, Programme
from maillage.softlanding.services.applications import move_application
from maillage.softlanding.services.programmes import desk_load

A = ApplicationStatus


def matching_instance(programme: Programme, applications=None):
    """Plain data for matching.py: pending applications and every offer with the desks already held."""
    offers = list(programme.offers.prefetch_related("sectors"))
    if applications is None:
        applications = programme.applications.filter(status__in=[A.APPLIED, A.SCREENING])
    apps = list(applications.select_related("sector").prefetch_related("preferences"))
    hosts = [
        matching.Host(
            id=o.pk,
            desks=o.desks,
            months=frozenset(matching.month_span(o.available_from, o.available_until)),
            sectors=frozenset(s.pk for s in o.sectors.all()),
            languages=frozenset(o.language_list),
            services=frozenset(o.services),
            country=o.host.country,
            used=dict(desk_load(o)),
        )
        for o in offers
    ]
    requests = [
        matching.Request(
            id=a.pk,
            months=frozenset(matching.month_span(a.starts_on, a.ends_on)),
            sector=a.sector_id,
            filiere=a.sector.parent_id if a.sector_id else None,
            languages=frozenset(a.language_list),
            needs=frozenset(a.needs),
            countries=frozenset(c for c in a.target_countries.split(",") if c),
            preferences=tuple(p.offer_id for p in a.preferences.all()),
        )
        for a in apps
    ]
    return requests, hosts


def propose_assignment(*, programme: Programme, time_limit: float = 10.0) -> matching.Assignment:
    requests, hosts = matching_instance(programme)
    return matching.assign(requests, hosts, time_limit=time_limit)


@transaction.atomic
def accept_assignment(
    *, programme: Programme, choices: dict[int, int | None], user
) -> list[Application]:
    """Staff accept (possibly edited) proposals: each application gets its host, all or nothing."""
    # order_by(): the default ordering joins the host, which would lock organisations too.
    offers = {
        o.pk: o
        for o in HostOffer.objects.select_for_update().filter(programme=programme).order_by("pk")
    }
    apps = {
        a.pk: a
        for a in programme.applications.filter(pk__in=choices, status__in=[A.APPLIED, A.SCREENING])
    }
    missing = set(choices) - set(apps)
    if missing:
        raise ValidationError(
            _("Some applications are no longer waiting for a host; reload the page.")
        )
    matched = []
    for app_id, offer_id in sorted(choices.items()):
        if offer_id is None:
            continue
        if offer_id not in offers:
            raise ValidationError({"offer": _("This host belongs to another programme.")})
        app = apps[app_id]
        if app.status == A.APPLIED:
            app = move_application(application=app, to_status=A.SCREENING, user=user)
        matched.append(
            move_application(
                application=app,
                to_status=A.MATCHED,
                user=user,
                offer=offers[offer_id],
                note=_("Accepted from the proposed assignment."),
            )
        )
    return matched
