"""Cooperation opportunities (offers and requests) published by participants, and reactions."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from maillage.matchmaking.enums import OpportunityCategory, OpportunityKind


class Opportunity(models.Model):
    participant = models.ForeignKey(
        "matchmaking.Participant",
        on_delete=models.CASCADE,
        related_name="opportunities",
        verbose_name=_("participant"),
    )
    kind = models.CharField(_("kind"), max_length=8, choices=OpportunityKind.choices)
    category = models.CharField(_("category"), max_length=16, choices=OpportunityCategory.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, default="")
    sectors = models.ManyToManyField(
        "ecosystem.Sector", blank=True, related_name="opportunities", verbose_name=_("sectors")
    )
    keywords = models.CharField(
        _("keywords"),
        max_length=255,
        blank=True,
        default="",
        help_text=_("Keywords separated by commas."),
    )
    language = models.CharField(_("language"), max_length=8, blank=True, default="")
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Visible to everyone, not only participants.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        indexes = [models.Index(fields=["kind", "category"])]

    def __str__(self) -> str:
        return self.title

    @property
    def keyword_list(self) -> list[str]:
        return [k.strip() for k in self.keywords.split(",") if k.strip()]


class OpportunityReaction(models.Model):
    opportunity = models.ForeignKey(
        Opportunity,
        on_delete=models.CASCADE,
        related_name="reactions",
        verbose_name=_("opportunity"),
    )
    author = models.ForeignKey(
        "matchmaking.Participant",
        on_delete=models.CASCADE,
        related_name="opportunity_reactions",
        verbose_name=_("author"),
    )
    message = models.TextField(_("message"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")

    def __str__(self) -> str:
        return f"{self.author} → {self.opportunity}"
