"""The API parity table: every page of the platform (by URL name) is mapped to the API
operations that do what it does, or exempted with a comment saying why no API is needed.

One module per area (``accounts``, ``ecosystem``, ``events``, ``matchmaking_organiser``,
``matchmaking_participant``, ``partnerships``, ``softlanding``, ``reports``, ``news``,
``privacy``, ``platform``), each with a ``PAGES`` dict. tests/test_api_parity.py fails when a
page has no entry, when an entry names an operation the OpenAPI document does not have, or when
an exemption gives no reason: ADD AN ENTRY WHEN YOU ADD A PAGE.

Operation ids are written without the ``maillage_api_`` prefix Ninja gives them
(``events_create_event`` for ``maillage_api_events_create_event``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Api:
    operations: tuple[str, ...]


@dataclass(frozen=True)
class Exempt:
    why: str


def api(*operations: str) -> Api:
    """The page's work is done by these operations (at least one)."""
    return Api(operations)


def exempt(why: str) -> Exempt:
    """The page needs no API operation; ``why`` says so in a sentence."""
    return Exempt(why)
