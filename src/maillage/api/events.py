"""Events API: events, their programme, registrations, registering and check-in.

Anonymous callers see public published events; organisers' staff also see their private and
draft events. A participant sees only their own registrations; staff see the registrations of
the events their organisations (co-)organise.
"""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers, not_found, state_change
from maillage.api.texts import Line
from maillage.ecosystem.selectors import visible_people
from maillage.events import selectors, services
from maillage.events.enums import (
    EventKind,
    ParticipationType,
    RegistrationSource,
    RegistrationStatus,
)
from maillage.events.models import Event, Registration
from maillage.events.rules import manages_event

router = Router(tags=["events"])


# ---- schemas -----------------------------------------------------------------------------------


class OrganiserOut(Schema):
    slug: str
    name: str


class SpeakerOut(Schema):
    first_name: str
    last_name: str


class ProgrammeItemOut(Schema):
    id: int
    kind: str
    title: str
    description: str
    starts_at: datetime
    ends_at: datetime
    room: str
    speakers: list[SpeakerOut]

    @staticmethod
    def resolve_speakers(obj):
        return list(obj.speakers.all())


class EventOut(Schema):
    slug: str
    uid: str
    title: str
    kind: str
    status: str
    is_public: bool
    description: str
    series: str | None
    edition_number: int | None
    organisers: list[OrganiserOut]
    attendance_mode: str
    venue_name: str
    venue_organisation: str | None
    address: str
    city: str
    country: str
    latitude: float | None
    longitude: float | None
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    languages: list[str]
    themes: list[str]
    capacity: int | None
    waiting_list: bool
    requires_approval: bool
    registration_opens_at: datetime | None
    registration_closes_at: datetime | None
    url: str

    @staticmethod
    def resolve_uid(obj) -> str:
        return str(obj.uid)

    @staticmethod
    def resolve_series(obj) -> str | None:
        return obj.series.name if obj.series_id else None

    @staticmethod
    def resolve_organisers(obj):
        return list(obj.organisers.all())

    @staticmethod
    def resolve_venue_organisation(obj) -> str | None:
        return obj.venue_organisation.slug if obj.venue_organisation_id else None

    @staticmethod
    def resolve_languages(obj) -> list[str]:
        return obj.language_list

    @staticmethod
    def resolve_themes(obj) -> list[str]:
        return obj.theme_list

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


class EventDetailOut(EventOut):
    programme: list[ProgrammeItemOut]

    @staticmethod
    def resolve_programme(obj):
        return list(selectors.programme(obj))


def _shown_person(registration):
    """The person as the caller may see them: what they typed when they registered someone
    whose stored profile they may not list (``shown_person``), else the stored profile."""
    return getattr(registration, "shown_person", None) or registration.person


class RegistrationOut(Schema):
    id: int
    event: str
    first_name: str
    last_name: str
    email: str
    organisation: str | None
    job_title: str
    participation_type: str
    status: str
    listed_publicly: bool
    created_at: datetime
    checked_in_at: datetime | None
    token: str

    @staticmethod
    def resolve_event(obj) -> str:
        return obj.event.slug

    @staticmethod
    def resolve_first_name(obj) -> str:
        return _shown_person(obj).first_name

    @staticmethod
    def resolve_last_name(obj) -> str:
        return _shown_person(obj).last_name

    @staticmethod
    def resolve_email(obj) -> str:
        return _shown_person(obj).email

    @staticmethod
    def resolve_organisation(obj) -> str | None:
        return obj.organisation.name if obj.organisation_id else None


class RegisterIn(Schema):
    email: str | None = Field(
        None, description="Defaults to the caller's own e-mail.", max_length=254
    )
    first_name: Line | None = None
    last_name: Line | None = None
    organisation_name: Line = ""
    country: str = Field("", max_length=2)
    website: Line = ""
    job_title: Line = ""
    participation_type: ParticipationType = ParticipationType.OTHER
    listed_publicly: bool = False
    public_directory: bool = False


class CheckInIn(Schema):
    token: str = Field(..., description="The code printed on the badge (QR code).", max_length=200)


class EventFilters(Schema):
    when: str = Field("upcoming", pattern="^(upcoming|past|all)$")
    kind: EventKind | None = None
    organiser: str = Field("", description="Slug of an organising organisation.", max_length=200)
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0, le=1_000_000)


# ---- helpers -----------------------------------------------------------------------------------


def _event_or_404(request, slug: str) -> Event:
    event = Event.objects.select_related("series", "venue_organisation").filter(slug=slug).first()
    if event is None or not request.user.has_perm("events.view_event", event):
        raise not_found("event")
    return event


def _managed_event(request, slug: str) -> Event:
    event = _event_or_404(request, slug)
    if not manages_event(request.user, event):
        raise HttpError(403, "Only the organisers of this event may do this.")
    return event


def _registration_for(request, registration_id: int) -> Registration:
    registration = (
        Registration.objects.select_related("event", "person", "organisation")
        .filter(pk=registration_id)
        .first()
    )
    user = request.user
    # The registrant themself (not whoever typed the registration in), or the event's staff.
    own = registration is not None and user.has_perm("events.manage_own_registration", registration)
    if registration is None or not (own or manages_event(user, registration.event)):
        raise not_found("registration")
    return registration


# ---- endpoints ---------------------------------------------------------------------------------


@router.get("/events", response=answers({200: list[EventOut]}))
def list_events(request, filters: Query[EventFilters]):
    qs = selectors.filter_events(
        selectors.visible_events(request.user),
        when=filters.when,
        kind=filters.kind or "",
        organiser=filters.organiser,
    )
    return list(qs[filters.offset : filters.offset + filters.limit])


@router.get("/events/{slug}", response=answers({200: EventDetailOut}, 404))
def get_event(request, slug: str):
    return _event_or_404(request, slug)


@router.get(
    "/events/{slug}/registrations", response=answers({200: list[RegistrationOut]}, 403, 404)
)
def event_registrations(request, slug: str, status: RegistrationStatus | None = None):
    event = _managed_event(request, slug)
    return list(selectors.registrations(event, status=status or "").select_related("event"))


@router.post(
    "/events/{slug}/registrations",
    response=answers({201: RegistrationOut}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
)
def register(request, slug: str, payload: RegisterIn):
    event = _event_or_404(request, slug)
    user = request.user
    email = payload.email or user.email
    staff = manages_event(user, event)
    if email.lower() != user.email.lower() and not staff:
        raise HttpError(403, "You may register yourself only; organisers may register others.")
    registration = services.register(
        event=event,
        user=user,
        email=email,
        first_name=payload.first_name or (user.first_name if email == user.email else ""),
        last_name=payload.last_name or (user.last_name if email == user.email else ""),
        organisation_name=payload.organisation_name,
        country=payload.country,
        website=payload.website,
        job_title=payload.job_title,
        participation_type=payload.participation_type,
        listed_publicly=payload.listed_publicly,
        public_directory=payload.public_directory,
        source=RegistrationSource.STAFF
        if staff and email.lower() != user.email.lower()
        else RegistrationSource.API,
    )
    someone_else = email.lower() != user.email.lower()
    if someone_else and not visible_people(user).filter(pk=registration.person_id).exists():
        # Registering an address must not reveal the name stored for it: echo what was typed.
        registration.shown_person = SimpleNamespace(
            first_name=payload.first_name or "", last_name=payload.last_name or "", email=email
        )
    return Status(201, registration)


@router.get(
    "/registrations/mine", response=answers({200: list[RegistrationOut]}, 401), auth=WRITE_AUTH
)
def my_registrations(request):
    return list(selectors.own_registrations(request.user))


@router.get("/registrations/{registration_id}", response=answers({200: RegistrationOut}, 404))
def get_registration(request, registration_id: int):
    return _registration_for(request, registration_id)


@router.post(
    "/registrations/{registration_id}/cancel",
    response=answers({200: RegistrationOut}, 401, 404, 409),
    auth=WRITE_AUTH,
)
def cancel(request, registration_id: int):
    registration = _registration_for(request, registration_id)
    with state_change():
        return services.cancel_registration(registration=registration)


@router.post(
    "/registrations/{registration_id}/{action}",
    response=answers({200: RegistrationOut}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
)
def decide(request, registration_id: int, action: str):
    actions = {
        "approve": services.approve_registration,
        "decline": services.decline_registration,
        "waitlist": services.waitlist_registration,
    }
    registration = _registration_for(request, registration_id)
    if not manages_event(request.user, registration.event):
        raise HttpError(
            403, "Only the organisers of this event may approve, decline or move registrations."
        )
    if action not in actions:
        raise not_found("action; use approve, decline or waitlist")
    with state_change():
        return actions[action](registration=registration)


@router.post(
    "/events/{slug}/check-in",
    response=answers({200: RegistrationOut}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
)
def check_in(request, slug: str, payload: CheckInIn):
    event = _managed_event(request, slug)
    registration = (
        Registration.objects.select_related("event", "person", "organisation")
        .filter(event=event, token=payload.token.strip())
        .first()
    )
    if registration is None:
        raise HttpError(404, "No registration to this event has this code.")
    with state_change():
        return services.check_in(registration=registration, by=request.user)
