"""Request and response shapes of the events API (maillage.api.events, event_programme,
registrations, registration_files)."""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema
from pydantic import AwareDatetime

from maillage.api.texts import MAX_ITEMS, Code, Line, Text
from maillage.events import selectors, services
from maillage.events.enums import (
    AttendanceMode,
    EventKind,
    EventStatus,
    ParticipationType,
    ProgrammeItemKind,
)

# ---- events ------------------------------------------------------------------------------------


class OrganiserOut(Schema):
    slug: str
    name: str


class SpeakerOut(Schema):
    id: int
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


class ListedParticipantOut(Schema):
    name: str
    organisation: str | None

    @staticmethod
    def resolve_name(obj) -> str:
        return str(obj.person)

    @staticmethod
    def resolve_organisation(obj) -> str | None:
        return obj.organisation.name if obj.organisation_id else None


class EventDetailOut(EventOut):
    series_id: int | None
    online_url: str = Field(
        description="The link of an online event: for its organisers and confirmed participants "
        "only (empty for others)."
    )
    sectors: list[str]
    seats_left: int | None = Field(description="Seats still free; null when there is no limit.")
    registration_closed: str | None = Field(
        description="Why registering is not possible now; null when it is."
    )
    participants: list[ListedParticipantOut] = Field(
        description="The participants who agreed to be listed, once the event is published."
    )
    programme: list[ProgrammeItemOut]

    @staticmethod
    def resolve_online_url(obj, context) -> str:
        request = context["request"]
        return obj.online_url if request.user.has_perm("events.join_online", obj) else ""

    @staticmethod
    def resolve_sectors(obj) -> list[str]:
        return [s.code for s in obj.sectors.all()]

    @staticmethod
    def resolve_seats_left(obj) -> int | None:
        return selectors.seats_left(obj)

    @staticmethod
    def resolve_registration_closed(obj) -> str | None:
        return services.registration_refusal(obj)

    @staticmethod
    def resolve_participants(obj):
        return list(selectors.shown_participants(obj))

    @staticmethod
    def resolve_programme(obj):
        return list(selectors.programme(obj))


class EventIn(Schema):
    """A new event; it starts as a draft (publish it with POST /events/{slug}/status)."""

    title: Line
    kind: EventKind
    organisers: list[int] = Field(
        ..., max_length=MAX_ITEMS, description="Organisation ids; one of yours at least."
    )
    is_public: bool = True
    description: Text = ""
    series: int | None = Field(None, description="Id of an existing series.")
    new_series: Line = Field("", description="Or the name of a series to start (or join).")
    edition_number: int | None = Field(None, ge=1, le=1_000_000)
    attendance_mode: AttendanceMode = AttendanceMode.IN_PERSON
    venue_organisation: int | None = Field(None, description="Organisation id of the venue.")
    venue_name: Line = ""
    address: str = Field("", max_length=255)
    city: str = Field("", max_length=120)
    country: str = Field("", max_length=2, description="ISO 3166 alpha-2 code.")
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    online_url: Line = ""
    time_zone: Code = Field("Europe/Paris", description="IANA name, e.g. Europe/Paris.")
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    languages: str = Field("", max_length=60, description="ISO 639-1 codes, e.g. fr,en.")
    themes: str = Field("", max_length=255, description="Keywords separated by commas.")
    sectors: list[Code] = Field([], max_length=MAX_ITEMS, description="Sector codes.")
    capacity: int | None = Field(None, ge=0, le=10_000_000)
    waiting_list: bool = True
    requires_approval: bool = False
    registration_opens_at: AwareDatetime | None = None
    registration_closes_at: AwareDatetime | None = None


class EventPatch(Schema):
    """The fields to change; those left out stay as they are (null clears an optional one)."""

    title: Line | None = None
    kind: EventKind | None = None
    organisers: list[int] | None = Field(None, max_length=MAX_ITEMS)
    is_public: bool | None = None
    description: Text | None = None
    series: int | None = None
    new_series: Line | None = None
    edition_number: int | None = Field(None, ge=1, le=1_000_000)
    attendance_mode: AttendanceMode | None = None
    venue_organisation: int | None = None
    venue_name: Line | None = None
    address: str | None = Field(None, max_length=255)
    city: str | None = Field(None, max_length=120)
    country: str | None = Field(None, max_length=2)
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    online_url: Line | None = None
    time_zone: Code | None = None
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None
    languages: str | None = Field(None, max_length=60)
    themes: str | None = Field(None, max_length=255)
    sectors: list[Code] | None = Field(None, max_length=MAX_ITEMS)
    capacity: int | None = Field(None, ge=0, le=10_000_000)
    waiting_list: bool | None = None
    requires_approval: bool | None = None
    registration_opens_at: AwareDatetime | None = None
    registration_closes_at: AwareDatetime | None = None


class EventStatusIn(Schema):
    status: EventStatus


class EventFilters(Schema):
    when: str = Field("upcoming", pattern="^(upcoming|past|all)$")
    kind: EventKind | None = None
    organiser: str = Field("", description="Slug of an organising organisation.", max_length=200)
    starts_from: AwareDatetime | None = Field(
        None, description="Events starting at or after this moment (a month: its first day)."
    )
    starts_until: AwareDatetime | None = Field(
        None, description="Events starting at or before this moment."
    )
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0, le=1_000_000)


# ---- programme ---------------------------------------------------------------------------------


class ProgrammeItemIn(Schema):
    title: Line
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    kind: ProgrammeItemKind = ProgrammeItemKind.TALK
    room: str = Field("", max_length=120)
    description: Text = ""
    speakers: list[int] = Field([], max_length=MAX_ITEMS, description="Person ids.")


class ProgrammeItemPatch(Schema):
    title: Line | None = None
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None
    kind: ProgrammeItemKind | None = None
    room: str | None = Field(None, max_length=120)
    description: Text | None = None
    speakers: list[int] | None = Field(None, max_length=MAX_ITEMS)


# ---- registrations -----------------------------------------------------------------------------


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


class RegistrationCountsOut(Schema):
    pending: int
    confirmed: int
    waitlisted: int
    declined: int
    cancelled: int
    checked_in: int


class CheckInSearchOut(Schema):
    counts: RegistrationCountsOut
    results: list[RegistrationOut]


class LinkSentOut(Schema):
    message: str
