"""Who is looking: the signed-in user's participant records in an event.

What they may see is decided in ``matchmaking.rules``; these are the reads the pages need to
find the user's own record.
"""

from __future__ import annotations

from maillage.events.models import Event
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
