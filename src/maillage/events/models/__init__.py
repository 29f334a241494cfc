"""The events app's models: events with their series and programme (``events``), and the
people registered to them (``registrations``). Everything is importable from here."""

from maillage.events.models.events import Event, EventSeries, ProgrammeItem, validate_time_zone
from maillage.events.models.registrations import (
    Invitation,
    PendingRegistration,
    Registration,
    RegistrationKey,
    RegistrationQuerySet,
    new_key,
    new_token,
)

__all__ = [
    "Event",
    "EventSeries",
    "Invitation",
    "PendingRegistration",
    "ProgrammeItem",
    "Registration",
    "RegistrationKey",
    "RegistrationQuerySet",
    "new_key",
    "new_token",
    "validate_time_zone",
]
