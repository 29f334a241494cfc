"""The people registered to events: registrations (a person, their organisation and a
participation type), their personal keys, invitations and registrations waiting for the
person's confirmation. The matchmaking app hangs its participants off ``Registration``.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from maillage.events.enums import (
    ACTIVE_STATUSES,
    ParticipationType,
    RegistrationSource,
    RegistrationStatus,
)
from maillage.events.models.events import Event


def new_token() -> str:
    return secrets.token_urlsafe(16)


def new_key() -> str:
    return secrets.token_urlsafe(32)


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
