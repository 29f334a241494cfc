"""Delegations and missions: who travels where, the itinerary, contacts met and what came out."""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maillage.partnerships.enums import DelegationDirection, FollowUpKind


class Delegation(models.Model):
    title = models.CharField(_("title"), max_length=200)
    direction = models.CharField(_("direction"), max_length=10, choices=DelegationDirection.choices)
    purpose = models.TextField(_("purpose"), blank=True, default="")
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    countries = models.CharField(
        _("countries"),
        max_length=200,
        blank=True,
        default="",
        help_text=_("ISO 3166 codes separated by commas, e.g. CN,JP"),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        default="",
        help_text=_("Time zone of the itinerary, e.g. Asia/Shanghai; empty for the platform's."),
    )
    hosts = models.ManyToManyField(
        "ecosystem.Organisation",
        related_name="hosted_delegations",
        verbose_name=_("host organisations"),
    )
    visitors = models.ManyToManyField(
        "ecosystem.Organisation",
        related_name="visiting_delegations",
        verbose_name=_("visiting organisations"),
    )
    members = models.ManyToManyField(
        "ecosystem.Person", blank=True, related_name="delegations", verbose_name=_("members")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="delegation_dates_in_order",
                violation_error_message=_(
                    "The end date comes before the start date. Swap or correct them."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("partnerships:delegation", kwargs={"pk": self.pk})

    @property
    def tz(self):
        """The itinerary's time zone: the delegation's own, else the platform's."""
        return (
            zoneinfo.ZoneInfo(self.time_zone) if self.time_zone else timezone.get_default_timezone()
        )

    @property
    def country_list(self) -> list[str]:
        return [c.strip().upper() for c in self.countries.split(",") if c.strip()]


class Visit(models.Model):
    """One stop of the itinerary."""

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="visits")
    organisation = models.ForeignKey(
        "ecosystem.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organisation visited"),
    )
    place = models.CharField(_("place"), max_length=200, blank=True, default="")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True, default="")

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="visit_times_in_order",
                violation_error_message=_("The visit ends before it starts. Correct the times."),
            )
        ]

    def __str__(self) -> str:
        return self.place or str(self.organisation or "")

    @property
    def label(self) -> str:
        return str(self.organisation) if self.organisation_id else self.place

    @property
    def coordinates(self) -> tuple[float, float] | None:
        if self.latitude is not None and self.longitude is not None:
            return (self.latitude, self.longitude)
        org = self.organisation
        if org is not None and org.latitude is not None and org.longitude is not None:
            return (org.latitude, org.longitude)
        return None


class ContactMet(models.Model):
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="contacts")
    person = models.ForeignKey(
        "ecosystem.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("person"),
    )
    name = models.CharField(_("name"), max_length=200, blank=True, default="")
    organisation = models.ForeignKey(
        "ecosystem.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organisation"),
    )
    notes = models.TextField(_("notes"), blank=True, default="")

    class Meta:
        ordering = ["id"]
        verbose_name = _("contact met")
        verbose_name_plural = _("contacts met")

    def __str__(self) -> str:
        return str(self.person) if self.person_id else self.name


class FollowUp(models.Model):
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="follow_ups")
    kind = models.CharField(
        _("kind"), max_length=20, choices=FollowUpKind.choices, default=FollowUpKind.OTHER
    )
    description = models.CharField(_("description"), max_length=300)
    agreement = models.ForeignKey(
        "partnerships.Agreement",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ups",
        verbose_name=_("agreement"),
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        ordering = ["done", "due_on", "id"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self) -> str:
        return self.description
