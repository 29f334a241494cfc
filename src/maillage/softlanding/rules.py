"""Who may see and act on soft-landing programmes and applications (django-rules).

Organisers' staff run their programme; the home park's staff see and edit the applications it
endorsed; a host's staff see the applications addressed to them (preferred or assigned) and
may score them and move those placed with them; nobody else sees anything. Admins see all.
"""

from __future__ import annotations

import rules

from maillage.ecosystem.rules import is_park_or_network_staff, is_platform_admin
from maillage.partnerships.rules import staff_organisation_ids


def organiser_ids(programme) -> set[int]:
    cached = getattr(programme, "_organiser_ids", None)
    if cached is None:
        cached = {o.pk for o in programme.organisers.all()}
        programme._organiser_ids = cached
    return cached


def addressed_host_ids(application) -> set[int]:
    hosts = {p.offer.host_id for p in application.preferences.all()}
    if application.assigned_offer_id:
        hosts.add(application.assigned_offer.host_id)
    return hosts


@rules.predicate
def is_organiser_staff(user, programme) -> bool:
    return programme is not None and bool(staff_organisation_ids(user) & organiser_ids(programme))


@rules.predicate
def is_host_in_programme(user, programme) -> bool:
    if programme is None:
        return False
    return bool(staff_organisation_ids(user) & {o.host_id for o in programme.offers.all()})


@rules.predicate
def is_application_organiser(user, application) -> bool:
    return application is not None and is_organiser_staff(user, application.programme)


@rules.predicate
def is_home_park_staff(user, application) -> bool:
    return application is not None and application.home_park_id in staff_organisation_ids(user)


@rules.predicate
def is_addressed_host_staff(user, application) -> bool:
    return application is not None and bool(
        staff_organisation_ids(user) & addressed_host_ids(application)
    )


@rules.predicate
def is_assigned_host_staff(user, application) -> bool:
    return (
        application is not None
        and application.assigned_offer_id is not None
        and application.assigned_offer.host_id in staff_organisation_ids(user)
    )


rules.add_perm("softlanding.add_programme", is_platform_admin | is_park_or_network_staff)
rules.add_perm(
    "softlanding.view_programme", is_platform_admin | is_organiser_staff | is_host_in_programme
)
rules.add_perm("softlanding.change_programme", is_platform_admin | is_organiser_staff)
rules.add_perm("softlanding.apply_to_programme", is_platform_admin | is_park_or_network_staff)
rules.add_perm(
    "softlanding.view_application",
    is_platform_admin | is_application_organiser | is_home_park_staff | is_addressed_host_staff,
)
rules.add_perm("softlanding.change_application", is_platform_admin | is_home_park_staff)
rules.add_perm(
    "softlanding.score_application",
    is_platform_admin | is_application_organiser | is_addressed_host_staff,
)
rules.add_perm(
    "softlanding.move_application",
    is_platform_admin | is_application_organiser | is_assigned_host_staff,
)
