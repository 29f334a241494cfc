"""The privacy records: the consent log, consent changes waiting for the person, erasures.

None of them copies personal data beyond what is needed to prove what happened: a consent
record keeps the sentence the person agreed to, an erasure record who did it and why.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maillage.privacy.enums import (
    AnonymousCause,
    ConsentMethod,
    ConsentPurpose,
    DataRequestKind,
    ErasureBasis,
)


class ConsentRecord(models.Model):
    """One decision of a person about one purpose (the log is append-only)."""

    person = models.ForeignKey(
        "ecosystem.Person",
        on_delete=models.CASCADE,
        related_name="consent_records",
        verbose_name=_("person"),
    )
    purpose = models.CharField(_("purpose"), max_length=32, choices=ConsentPurpose.choices)
    granted = models.BooleanField(_("granted"))
    how = models.CharField(_("how"), max_length=16, choices=ConsentMethod.choices)
    text = models.TextField(_("text shown"), blank=True, default="")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("signed in as"),
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self) -> str:
        return f"{self.person_id} {self.purpose} {'+' if self.granted else '-'} ({self.how})"


class ConsentRequest(models.Model):
    """A consent change asked by someone other than the person, waiting for the person's click
    on the link sent to `email` (the address the person had when it was asked)."""

    person = models.ForeignKey(
        "ecosystem.Person",
        on_delete=models.CASCADE,
        related_name="consent_requests",
        verbose_name=_("person"),
    )
    purpose = models.CharField(_("purpose"), max_length=32, choices=ConsentPurpose.choices)
    granted = models.BooleanField(_("granted"))
    text = models.TextField(_("text shown"))
    email = models.EmailField(_("sent to"))
    language = models.CharField(max_length=8, blank=True, default="")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("asked by"),
    )
    created_at = models.DateTimeField(_("asked on"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("consent change waiting for confirmation")
        verbose_name_plural = _("consent changes waiting for confirmation")

    def __str__(self) -> str:
        return f"{self.person_id} {self.purpose} {'+' if self.granted else '-'} (asked)"


class DataRequest(models.Model):
    """A person's request about their data, carried out: a copy of it, or its erasure; by whom
    (the person signed in, or a staff member on the person's request), when and why."""

    person = models.ForeignKey(
        "ecosystem.Person",
        on_delete=models.CASCADE,
        related_name="data_requests",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("request"), max_length=8, choices=DataRequestKind.choices)
    basis = models.CharField(_("asked"), max_length=8, choices=ErasureBasis.choices)
    performed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("performed by"),
    )
    reason = models.TextField(_("reason"), blank=True, default="")
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("data request")
        verbose_name_plural = _("data requests")

    def __str__(self) -> str:
        return f"{self.person_id} {self.kind} ({self.basis}, {self.created_at:%Y-%m-%d})"


class AnonymousPerson(models.Model):
    """Marks a person row that holds no personal data any more: erased on request, or created
    by the retention job to carry an old registration (so figures keep counting it)."""

    person = models.OneToOneField(
        "ecosystem.Person", on_delete=models.CASCADE, related_name="anonymous_marker"
    )
    cause = models.CharField(max_length=12, choices=AnonymousCause.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("anonymous person")
        verbose_name_plural = _("anonymous people")

    def __str__(self) -> str:
        return f"{self.person_id} ({self.cause})"
