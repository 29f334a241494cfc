"""Who may do what with meeting sessions (django-rules): the single place for these rules.

The staff of the organisations that (co-)organise the event manage its sessions: set-up,
optimiser runs, hand edits, publishing and the on-the-day repair, every agenda, the
marketplace's moderation and the feedback figures. Participants act only on their own
requests and wishes, and see only their own agenda.
"""

from __future__ import annotations

import rules

from maillage.events.rules import manages_event


@rules.predicate
def manages_session(user, session) -> bool:
    return session is not None and bool(manages_event(user, session.event))


@rules.predicate
def takes_part_in(user, session) -> bool:
    if session is None or not (user and user.is_authenticated):
        return False
    return session.participants.of_user(user).exists()


@rules.predicate
def is_the_participant(user, participant) -> bool:
    if participant is None or not (user and user.is_authenticated):
        return False
    return participant.registration.person.user_id == user.pk


@rules.predicate
def manages_participants_session(user, participant) -> bool:
    return participant is not None and bool(manages_event(user, participant.session.event))


# On an event: its sessions, all its participants' agendas, its marketplace, its feedback.
rules.add_perm("matchmaking.manage_meetings", rules.is_authenticated & manages_event)
rules.add_perm("matchmaking.manage_session", manages_session)
rules.add_perm("matchmaking.take_part", takes_part_in | manages_session)
# A participant's agenda and meetings: the participant themself, or the event's staff.
rules.add_perm(
    "matchmaking.view_participant",
    rules.is_authenticated & (is_the_participant | manages_participants_session),
)
