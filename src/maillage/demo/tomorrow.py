"""Demo: the Axe Seine club's next business convention, held *tomorrow* relative to the day the
demo is loaded, with thirty registrants (people of the March 2026 convention, which stays as
history) and their invitations queued, so that a newcomer can try invitations, reminders,
meeting requests and the day itself. Its meeting session comes from
maillage.demo.matchmaking_tomorrow.

Idempotent: loading again on the same day changes nothing. Loaded on a later day, the
convention moves to the new tomorrow (the event, its programme and registration window here,
its meeting days, slots and pending requests in matchmaking), keeping everything else; only
registrants not yet invited are invited.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.utils import timezone

from maillage.accounts.models import User
from maillage.demo.conventions import AXE_SEINE_CONVENTION, convention_participants
from maillage.demo.events import AXE_SEINE, PARIS, event, org
from maillage.events import invitations, services
from maillage.events.enums import ParticipationType, RegistrationSource
from maillage.events.enums import ProgrammeItemKind as P
from maillage.events.models import Event, ProgrammeItem, Registration

SLUG = "axe-seine-business-convention-next"
DEMO_PARTICIPANT = "participant@maillage.example"
PEOPLE = 30
ZONE = zoneinfo.ZoneInfo(PARIS)


def tomorrow(now: dt.datetime | None = None) -> dt.date:
    return timezone.localtime(now or timezone.now(), ZONE).date() + dt.timedelta(days=1)


def at(day: dt.date, clock: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(clock), tzinfo=ZONE)


def local_day(event: Event) -> dt.date:
    return timezone.localtime(event.starts_at, ZONE).date()


def redate(event: Event, days: int) -> Event:
    """Move the event, its programme and its registration window by ``days`` days, at the same
    local clock times."""

    def moved(value):
        if value is None:
            return None
        local = timezone.localtime(value, ZONE)
        return dt.datetime.combine(
            local.date() + dt.timedelta(days=days), local.time(), tzinfo=ZONE
        )

    Event.objects.filter(pk=event.pk).update(
        starts_at=moved(event.starts_at),
        ends_at=moved(event.ends_at),
        registration_opens_at=moved(event.registration_opens_at),
        registration_closes_at=moved(event.registration_closes_at),
    )
    for item in ProgrammeItem.objects.filter(event=event):
        item.starts_at, item.ends_at = moved(item.starts_at), moved(item.ends_at)
        item.save(update_fields=["starts_at", "ends_at"])
    return Event.objects.get(pk=event.pk)


def _register_demo_participant(convention: Event) -> None:
    """The demo participant account takes part too (it signs in with its password)."""
    user = User.objects.filter(email=DEMO_PARTICIPANT).first()
    if user is None or Registration.objects.filter(event=convention, person__user=user).exists():
        return
    services.register(
        event=convention,
        email=user.email,
        first_name=user.first_name or "Léa",
        last_name=user.last_name or "Fontaine",
        organisation_name="Planktovie",
        country="FR",
        user=user,
        source=RegistrationSource.STAFF,
        participation_type=ParticipationType.STARTUP,
        listed_publicly=True,
        notify=False,
    )


def load_tomorrow(stdout, *, now: dt.datetime | None = None) -> Event:
    day = tomorrow(now)
    existing = Event.objects.filter(slug=SLUG).first()
    if existing is not None and local_day(existing) != day:
        shift = (day - local_day(existing)).days
        existing = redate(existing, shift)
        stdout.write(f"  events: {existing.title} moved by {shift} day(s) to {day.isoformat()}\n")
    club, vot = org(AXE_SEINE), org("Val d'Oise Technopole")
    convention = existing or event(
        SLUG,
        organisers=[club, vot, org("Technopole de Rouen")],
        title="2nd inter-technopole business convention of the Axe Seine",
        time_zone=PARIS,
        starts_at=at(day, "08:30"),
        ends_at=at(day, "17:30"),
        venue_organisation=vot,
        **AXE_SEINE_CONVENTION,
        description="The second edition, tomorrow: one-to-one meetings between the SMEs, startups, "
        "large groups, schools and funders of the Axe Seine. Registrants are invited by e-mail "
        "with a personal sign-in link.",
        programme=[
            (P.TALK, "Welcome", at(day, "08:30"), at(day, "09:00"), []),
            (P.NETWORKING, "One-to-one meetings", at(day, "09:00"), at(day, "12:20"), []),
            (P.BREAK, "Lunch", at(day, "12:30"), at(day, "13:30"), []),
        ],
    )
    registered = set(
        Registration.objects.filter(event=convention).values_list("person__email", flat=True)
    )
    for row in convention_participants()[:PEOPLE]:
        if row["email"] not in registered:
            services.register(
                event=convention, source=RegistrationSource.STAFF, notify=False, **row
            )
    _register_demo_participant(convention)
    result = invitations.invite(event=convention)
    stdout.write(
        f"  events: {convention.title} on {day.isoformat()} — "
        f"{convention.registrations.count()} registrants, {result.sent} invitations queued\n"
    )
    return convention


def load(stdout) -> None:
    load_tomorrow(stdout)
