"""How participants ask to meet: requests (answered one by one) and wishes (for the optimiser)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from maillage.matchmaking.enums import RequestStatus, WishLevel


class MeetingRequest(models.Model):
    Status = RequestStatus  # for templates: r.status == r.Status.PENDING

    session = models.ForeignKey(
        "matchmaking.MeetingSession",
        on_delete=models.CASCADE,
        related_name="requests",
        verbose_name=_("session"),
    )
    sender = models.ForeignKey(
        "matchmaking.Participant",
        on_delete=models.CASCADE,
        related_name="sent_requests",
        verbose_name=_("from"),
    )
    recipient = models.ForeignKey(
        "matchmaking.Participant",
        on_delete=models.CASCADE,
        related_name="received_requests",
        verbose_name=_("to"),
    )
    message = models.TextField(_("message"), blank=True, default="")
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(sender=models.F("recipient")), name="mm_request_not_to_self"
            ),
            models.UniqueConstraint(
                fields=["sender", "recipient"],
                condition=models.Q(status__in=["pending", "accepted"]),
                name="mm_one_open_request_per_pair",
            ),
        ]
        indexes = [models.Index(fields=["session", "status", "expires_at"])]

    def __str__(self) -> str:
        return f"{self.sender} → {self.recipient} ({self.get_status_display()})"


class Wish(models.Model):
    session = models.ForeignKey(
        "matchmaking.MeetingSession",
        on_delete=models.CASCADE,
        related_name="wishes",
        verbose_name=_("session"),
    )
    author = models.ForeignKey(
        "matchmaking.Participant",
        on_delete=models.CASCADE,
        related_name="wishes",
        verbose_name=_("author"),
    )
    target = models.ForeignKey(
        "matchmaking.Participant",
        on_delete=models.CASCADE,
        related_name="wished_by",
        verbose_name=_("wishes to meet"),
    )
    level = models.CharField(_("level"), max_length=12, choices=WishLevel.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["session", "author", "id"]
        verbose_name = _("wish")
        verbose_name_plural = _("wishes")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "author", "target"], name="mm_unique_wish_per_pair"
            ),
            models.CheckConstraint(
                condition=~models.Q(author=models.F("target")), name="mm_wish_not_for_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.author} → {self.target}: {self.get_level_display()}"
