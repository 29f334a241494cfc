"""Who is looking: the signed-in user's participant record, and what they may see.

A participant sees their own agenda, meetings and feedback; the staff of the organisations
that (co-)organise the event see everyone's (``events.rules.manages_event``).
"""

from __future__ import annotations

from maillage.events.models import Event
from maillage.events.rules import manages_event
from maillage.matchmaking.models import MeetingSession, Participant


def participants_of(user, event: Event):
    return (
        Participant.objects.of_user(user)
        .filter(session__event=event)
        .exclude(registration__status__in=("cancelled", "declined"))
        .select_related("session", "registration__person", "registration__organisation")
        .order_by("session_id")
    )


def participant_for(
    user, event: Event, session: MeetingSession | None = None
) -> Participant | None:
    """The user's participant record in the event (in ``session`` when given), or None."""
    qs = participants_of(user, event)
    if session is not None:
        qs = qs.filter(session=session)
    return qs.first()


def is_staff(user, event: Event) -> bool:
    return bool(user and user.is_authenticated and manages_event(user, event))


def may_see_participant(user, participant: Participant) -> bool:
    """Only the participant themself, or the event's staff."""
    if not (user and user.is_authenticated):
        return False
    if participant.registration.person.user_id == user.pk:
        return True
    return is_staff(user, participant.session.event)
