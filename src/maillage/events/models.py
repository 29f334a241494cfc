"""Events, their series and programme, and the people registered to them.

Times are stored as aware datetimes (UTC in the database) with the IANA zone of the event, in
which they are shown. The matchmaking app hangs its sessions off ``Event`` and its
participants off ``Registration`` (a person, their organisation and a participation type).
"""

from __future__ import annotations

import secrets
import uuid
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from maillage.events.enums import (
    ACTIVE_STATUSES,
    MATCHMAKING_KINDS,
    AttendanceMode,
    EventKind,
    EventStatus,
    ParticipationType,
    ProgrammeItemKind,
    RegistrationSource,
    RegistrationStatus,
)


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("Unknown time zone “%(zone)s”; use an IANA name such as Europe/Paris."),
            params={"zone": value},
        )


def new_token() -> str:
    return secrets.token_urlsafe(16)


def new_key() -> str:
    return secrets.token_urlsafe(32)


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
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
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


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("waitlisted_at", "id")


class Registration(models.Model):
    """A person registered to an event, coming for an organisation with a participation type."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    person = models.ForeignKey(
        "ecosystem.Person",
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        "ecosystem.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
        verbose_name=_("organisation"),
    )
    job_title = models.CharField(_("job title"), max_length=150, blank=True, default="")
    participation_type = models.CharField(
        _("participation type"),
        max_length=16,
        choices=ParticipationType.choices,
        default=ParticipationType.OTHER,
    )
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    source = models.CharField(
        _("source"),
        max_length=8,
        choices=RegistrationSource.choices,
        default=RegistrationSource.WEB,
    )
    listed_publicly = models.BooleanField(
        _("appears in the participants list"),
        default=False,
        help_text=_("The participant agreed to be shown to the other participants."),
    )
    consent_at = models.DateTimeField(_("consent given on"), null=True, blank=True)
    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    language = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        default="",
        help_text=_("Language of the e-mails sent."),
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("registered on"), auto_now_add=True)
    waitlisted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"], name="unique_registration_per_person"
            ),
        ]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self) -> str:
        return f"{self.person} — {self.event}"

    def get_absolute_url(self) -> str:
        return reverse("events:registration", kwargs={"registration_id": self.pk})

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    # Templates ask these rather than compare the status with a string.
    @property
    def is_pending(self) -> bool:
        return self.status == RegistrationStatus.PENDING

    @property
    def is_confirmed(self) -> bool:
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def is_waitlisted(self) -> bool:
        return self.status == RegistrationStatus.WAITLISTED

    @property
    def is_declined(self) -> bool:
        return self.status == RegistrationStatus.DECLINED

    @property
    def is_cancelled(self) -> bool:
        return self.status == RegistrationStatus.CANCELLED


class RegistrationKey(models.Model):
    """A secret of a registration for ONE purpose (see events/tokens.py): the personal link to
    its page, or its calendar subscription. Never the badge code (``Registration.token``), which
    only checks in. A new key replaces the old one, whose links stop working."""

    class Purpose(models.TextChoices):
        PAGE = "page", _("personal link to the registration")
        CALENDAR = "calendar", _("calendar subscription")

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="keys")
    purpose = models.CharField(max_length=12, choices=Purpose.choices)
    key = models.CharField(max_length=43, unique=True, default=new_key, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("registration key")
        verbose_name_plural = _("registration keys")
        constraints = [
            models.UniqueConstraint(fields=["registration", "purpose"], name="one_key_per_purpose")
        ]

    def __str__(self) -> str:
        # Never the key itself: it is a secret.
        return f"{self.get_purpose_display()} of registration {self.registration_id}"


class Invitation(models.Model):
    """A registrant invited to sign in (events/invitations.py): when, how often, whether the link
    was opened. The nonce is part of the sign-in link's scope: a new nonce (the registration is
    cancelled or declined) and every link sent before stops working."""

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="invitation"
    )
    nonce = models.CharField(max_length=32, default=new_token, editable=False)
    first_sent_at = models.DateTimeField(_("invited on"))
    last_sent_at = models.DateTimeField(_("last sent on"))
    sent_count = models.PositiveIntegerField(_("times sent"), default=0)
    opened_at = models.DateTimeField(_("opened on"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.registration} ({self.sent_count})"


class PendingRegistration(models.Model):
    """A registration typed by someone not signed in as that address. It waits until the link
    mailed to the address is opened (events/self_registration.py); until then nothing is stored
    about, or changed for, the person the address may belong to. Only a hash of the key is kept."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    email = models.EmailField(_("e-mail"))
    details = models.JSONField(default=dict)
    language = models.CharField(max_length=8, blank=True, default="")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("registration awaiting its address check")
        verbose_name_plural = _("registrations awaiting their address check")
        indexes = [models.Index(fields=["created_at"])]

    def __str__(self) -> str:
        return f"{self.email} — {self.event_id}"
