"""The outbox: one row per mail the platform sends, kept with its delivery history.

A mail is ``queued`` until the SMTP server accepts it (``sent``) or the retries are used up or
the server refuses it for good (``failed``, with the error; the organiser may resend it).
``key`` makes sending idempotent: a reminder or notice is stored once per key, so a second
scheduler, a restart or a repeated click never sends it twice. ``claimed_until`` is the lease a
worker takes while it talks to the SMTP server, so two workers never send the same mail at once.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from maillage.mail.enums import MailStatus


class OutgoingMail(models.Model):
    Status = MailStatus  # for templates: mail.status == mail.Status.SENT

    to = models.EmailField(_("to"), max_length=254)
    reply_to = models.EmailField(_("reply to"), max_length=254, blank=True)
    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("text"))
    html = models.TextField(_("HTML"), blank=True)
    kind = models.CharField(_("kind"), max_length=60, blank=True)
    key = models.CharField(_("idempotency key"), max_length=255, blank=True, default="")
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outgoing_mails",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MailStatus.choices, default=MailStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mails")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=~Q(key=""), name="mail_outgoingmail_unique_key"
            )
        ]
        indexes = [
            models.Index(fields=["event", "status"], name="mail_event_status"),
            models.Index(fields=["status", "next_attempt_at"], name="mail_status_next"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to} ({self.status})"
