"""Who may do what with events (django-rules): the single place for these rules.

Staff manage the events their own organisations (``user.staff_of``) organise or co-organise;
platform admins manage all. A private or unpublished event is visible only to those managers,
and a private published one also to the people registered to it.
"""

from __future__ import annotations

import rules

from maillage.ecosystem.rules import (
    is_park_or_network_staff,
    is_platform_admin,
    staff_organisation_ids,
)
from maillage.events.enums import EventStatus
from maillage.events.models import Registration


@rules.predicate
def manages_event(user, event) -> bool:
    if event is None:
        return False
    if is_platform_admin(user):
        return True
    own = staff_organisation_ids(user)
    if not own:
        return False
    return event.organisers.filter(id__in=own).exists()


@rules.predicate
def is_registered_to(user, event) -> bool:
    if event is None or not (user and user.is_authenticated):
        return False
    return Registration.objects.filter(event=event).active().filter(person__user=user).exists()


@rules.predicate
def is_listed_event(user, event) -> bool:
    return event is not None and event.is_public and event.status != EventStatus.DRAFT


@rules.predicate
def is_published(user, event) -> bool:
    return event is not None and event.status != EventStatus.DRAFT


@rules.predicate
def is_confirmed_to(user, event) -> bool:
    if event is None or not (user and user.is_authenticated):
        return False
    return Registration.objects.filter(event=event).confirmed().filter(person__user=user).exists()


@rules.predicate
def is_registrant(user, registration) -> bool:
    """The registration is the user's own (its person is linked to the account)."""
    return bool(
        registration is not None
        and user
        and user.is_authenticated
        and registration.person.user_id == user.pk
    )


can_view_event = is_listed_event | manages_event | (is_published & is_registered_to)

rules.add_perm("events.view_event", can_view_event)
rules.add_perm("events.add_event", is_platform_admin | is_park_or_network_staff)
rules.add_perm("events.change_event", manages_event)
rules.add_perm("events.manage_registrations", manages_event)
rules.add_perm("events.check_in", manages_event)
rules.add_perm("events.manage_own_registration", is_registrant)
# The link of an online event: for its organisers and its confirmed participants.
rules.add_perm("events.join_online", manages_event | is_confirmed_to)
