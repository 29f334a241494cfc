"""Who may do what with meeting sessions (django-rules).

The staff of the organisations that (co-)organise the event manage its sessions: set-up,
optimiser runs, hand edits, publishing and the on-the-day repair. Participants act only on
their own requests and wishes.
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


rules.add_perm("matchmaking.manage_session", manages_session)
rules.add_perm("matchmaking.take_part", takes_part_in | manages_session)
