"""Events, their series and programme.

Times are stored as aware datetimes (UTC in the database) with the IANA zone of the event, in
which they are shown. The matchmaking app hangs its sessions off ``Event``.
"""

from __future__ import annotations

import uuid
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from maillage.ecosystem.coordinates import latitude_field, longitude_field
from maillage.events.enums import (
    MATCHMAKING_KINDS,
    AttendanceMode,
    EventKind,
    EventStatus,
    ProgrammeItemKind,
)


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("Unknown time zone “%(zone)s”; use an IANA name such as Europe/Paris."),
            params={"zone": value},
        )


class EventSeries(models.Model):
    """A recurring format: the monthly 12/14 of the technopoles, a yearly world conference."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    description = models.TextField(_("description"), blank=True, default="")
    organisers = models.ManyToManyField(
        "ecosystem.Organisation",
        blank=True,
        related_name="event_series",
        verbose_name=_("organisers"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def __str__(self) -> str:
        return self.name


class Event(models.Model):
    Mode = AttendanceMode  # for templates: event.attendance_mode == event.Mode.ONLINE

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=EventKind.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_(
            "Public events are listed in the calendar; private ones only for their organisers and registrants."
        ),
    )
    description = models.TextField(_("description"), blank=True, default="")
    series = models.ForeignKey(
        EventSeries,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="editions",
        verbose_name=_("series"),
    )
    edition_number = models.PositiveIntegerField(
        _("edition"), null=True, blank=True, help_text=_("For example 42 for the 42nd edition.")
    )
    organisers = models.ManyToManyField(
        "ecosystem.Organisation", related_name="organised_events", verbose_name=_("organisers")
    )
    # Where: an organisation's site, an address with coordinates, and/or a link for online events.
    attendance_mode = models.CharField(
        _("attendance"),
        max_length=12,
        choices=AttendanceMode.choices,
        default=AttendanceMode.IN_PERSON,
    )
    venue_organisation = models.ForeignKey(
        "ecosystem.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_events",
        verbose_name=_("venue (organisation)"),
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True, default="")
    address = models.CharField(_("address"), max_length=255, blank=True, default="")
    city = models.CharField(_("city"), max_length=120, blank=True, default="")
    country = models.CharField(
        _("country"), max_length=2, blank=True, default="", help_text=_("ISO 3166 alpha-2 code")
    )
    latitude = latitude_field()
    longitude = longitude_field()
    online_url = models.URLField(_("online link"), blank=True, default="")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Paris", validators=[validate_time_zone]
    )
    languages = models.CharField(
        _("languages"),
        max_length=60,
        blank=True,
        default="",
        help_text=_("ISO 639-1 codes separated by commas, e.g. fr,en"),
    )
    themes = models.CharField(
        _("themes"),
        max_length=255,
        blank=True,
        default="",
        help_text=_("Keywords separated by commas."),
    )
    sectors = models.ManyToManyField(
        "ecosystem.Sector", blank=True, related_name="events", verbose_name=_("sectors")
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    waiting_list = models.BooleanField(
        _("waiting list"),
        default=True,
        help_text=_("When full, new registrants join a waiting list instead of being turned away."),
    )
    requires_approval = models.BooleanField(
        _("registrations need approval"),
        default=False,
        help_text=_("Organisers approve or decline each registration."),
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "title"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["status", "is_public", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(registration_opens_at__isnull=True)
                | models.Q(registration_closes_at__isnull=True)
                | models.Q(registration_closes_at__gt=models.F("registration_opens_at")),
                name="event_registration_window_in_order",
            ),
            models.UniqueConstraint(
                fields=["series", "edition_number"], name="unique_edition_in_series"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def local_time(self, moment) -> str:
        """The moment as a date and time where the event takes place (for sentences)."""
        return formats.date_format(timezone.localtime(moment, self.zone), "DATETIME_FORMAT")

    @property
    def is_matchmaking(self) -> bool:
        return self.kind in MATCHMAKING_KINDS

    @property
    def is_online(self) -> bool:
        return self.attendance_mode in (AttendanceMode.ONLINE, AttendanceMode.HYBRID)

    # Templates ask these rather than compare the status with a string.
    @property
    def is_draft(self) -> bool:
        return self.status == EventStatus.DRAFT

    @property
    def is_published(self) -> bool:
        return self.status == EventStatus.PUBLISHED

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def language_list(self) -> list[str]:
        return [c.strip() for c in self.languages.split(",") if c.strip()]

    @property
    def theme_list(self) -> list[str]:
        return [t.strip() for t in self.themes.split(",") if t.strip()]

    @property
    def place(self) -> tuple[float, float] | None:
        """Coordinates of the venue: the event's own, else those of the venue organisation."""
        if self.latitude is not None and self.longitude is not None:
            return (self.latitude, self.longitude)
        org = self.venue_organisation
        if org is not None and org.latitude is not None and org.longitude is not None:
            return (org.latitude, org.longitude)
        return None

    def clean(self) -> None:
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The event ends before it starts; give an end after the start.")
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            errors["registration_closes_at"] = _(
                "Registration closes before it opens; swap the two dates."
            )
        if (self.latitude is None) != (self.longitude is None):
            errors["latitude"] = _("Give both latitude and longitude, or neither.")
        if self.attendance_mode != AttendanceMode.IN_PERSON and not self.online_url:
            errors["online_url"] = _("An online event needs the link participants will join.")
        if self.attendance_mode != AttendanceMode.ONLINE and not (
            self.venue_organisation_id or self.address or self.venue_name
        ):
            errors["address"] = _("Give the venue: an organisation's site or an address.")
        if errors:
            raise ValidationError(errors)


class ProgrammeItem(models.Model):
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="programme", verbose_name=_("event")
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=ProgrammeItemKind.choices, default=ProgrammeItemKind.TALK
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, default="")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    room = models.CharField(_("room"), max_length=120, blank=True, default="")
    speakers = models.ManyToManyField(
        "ecosystem.Person", blank=True, related_name="programme_items", verbose_name=_("speakers")
    )

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="programme_item_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title
