"""Who may handle a person's data requests (django-rules): the person, or staff managing them.

A park or network manages a person who is affiliated to an organisation it manages (see
ecosystem.rules.managed_organisation_ids) or who registered to an event it organises.
"""

from __future__ import annotations

import rules

from maillage.ecosystem.rules import (
    is_park_or_network_staff,
    is_platform_admin,
    managed_organisation_ids,
    staff_organisation_ids,
)


@rules.predicate
def manages_person(user, person) -> bool:
    if person is None or not (user and user.is_authenticated and user.is_active):
        return False
    managed = managed_organisation_ids(user)
    if managed and person.affiliations.filter(organisation_id__in=managed).exists():
        return True
    own = staff_organisation_ids(user)
    return bool(own) and person.registrations.filter(event__organisers__in=own).exists()


@rules.predicate
def is_the_person(user, person) -> bool:
    return bool(person is not None and user and user.is_authenticated and person.user_id == user.pk)


rules.add_perm("privacy.handle_requests", is_platform_admin | is_park_or_network_staff)
rules.add_perm("privacy.handle_person_request", is_platform_admin | manages_person)
rules.add_perm("privacy.view_own_data", is_the_person)
