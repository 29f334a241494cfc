"""What each participant says about a meeting afterwards."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from maillage.matchmaking.enums import FeedbackOutcome


class Feedback(models.Model):
    meeting = models.ForeignKey(
        "matchmaking.Meeting",
        on_delete=models.CASCADE,
        related_name="feedback",
        verbose_name=_("meeting"),
    )
    author = models.ForeignKey(
        "matchmaking.Participant",
        on_delete=models.CASCADE,
        related_name="feedback_given",
        verbose_name=_("author"),
    )
    took_place = models.BooleanField(_("the meeting took place"))
    outcome = models.CharField(_("outcome"), max_length=32, choices=FeedbackOutcome.choices)
    comment = models.TextField(_("comment"), blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["meeting", "author"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "author"], name="mm_one_feedback_per_author"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.author}: {self.get_outcome_display()}"
