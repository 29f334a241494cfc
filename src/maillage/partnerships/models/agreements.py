"""Agreements between organisations: parties, commitments, documents and follow-up notes."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from maillage.partnerships.enums import (
    AgreementKind,
    AgreementStatus,
    CommitmentKind,
    PartyRole,
)


class Agreement(models.Model):
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=AgreementKind.choices)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AgreementStatus.choices,
        default=AgreementStatus.NEGOTIATION,
    )
    description = models.TextField(_("description"), blank=True, default="")
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_(
            "Public agreements are shown to everyone, including visitors who are not signed in."
        ),
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(
        _("ends or renews on"),
        null=True,
        blank=True,
        help_text=_("Staff of the parties are reminded by e-mail before this date."),
    )
    remind_days_before = models.PositiveSmallIntegerField(
        _("remind days before"),
        default=60,
        help_text=_("How many days before the end or renewal date the reminder is sent."),
    )
    # The end date a reminder was sent for: a new date (renewal) re-arms the reminder.
    reminded_for = models.DateField(null=True, blank=True, editable=False)
    place = models.CharField(_("place of signature"), max_length=200, blank=True, default="")
    occasion = models.CharField(
        _("occasion"),
        max_length=200,
        blank=True,
        default="",
        help_text=_("The event or visit at which it was signed."),
    )
    domains = models.ManyToManyField(
        "ecosystem.Sector", blank=True, related_name="agreements", verbose_name=_("domains")
    )
    signatories = models.ManyToManyField(
        "ecosystem.Person",
        blank=True,
        related_name="signed_agreements",
        verbose_name=_("signatories"),
    )
    organisations = models.ManyToManyField(
        "ecosystem.Organisation",
        through="AgreementParty",
        related_name="agreements",
        verbose_name=_("parties"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-signed_on", "title"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="agreement_dates_in_order",
                violation_error_message=_(
                    "The end date comes before the start date. Swap or correct them."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("partnerships:agreement", kwargs={"pk": self.pk})

    @property
    def year(self) -> int | None:
        day = self.signed_on or self.starts_on
        return day.year if day else None

    @property
    def reminder_due_on(self):
        return self.ends_on - timedelta(days=self.remind_days_before) if self.ends_on else None


class AgreementParty(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(
        "ecosystem.Organisation",
        on_delete=models.PROTECT,
        related_name="agreement_parties",
        verbose_name=_("organisation"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=PartyRole.choices, default=PartyRole.SIGNATORY
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organisation"], name="unique_agreement_party"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class Commitment(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="commitments")
    action = models.CharField(_("action"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=CommitmentKind.choices, default=CommitmentKind.OTHER
    )
    owner = models.ForeignKey(
        "ecosystem.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["done", "due_on", "id"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self) -> str:
        return self.action


def document_path(instance: AgreementDocument, filename: str) -> str:
    return f"partnerships/agreements/{instance.agreement_id}/{filename}"


class AgreementDocument(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=document_path)
    size = models.PositiveIntegerField(editable=False, default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title


class AgreementNote(models.Model):
    """One entry in the agreement's follow-up timeline."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="notes")
    body = models.TextField(_("note"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("follow-up note")
        verbose_name_plural = _("follow-up notes")

    def __str__(self) -> str:
        return self.body[:60]
