"""News read by the platform: where it comes from (Source), each article stored once
(Article: canonical URL and content hash) and what extraction proposes from it (Proposal),
waiting for staff to accept, correct, merge or reject. Nothing here is in the directory or
on the map until a proposal is accepted; a rejection is remembered (RejectedFact) so the
same fact is not proposed again."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from maillage.news.enums import (
    ArticleStatus,
    ProposalStatus,
    ProposalType,
    SourceKind,
    SourceStatus,
)


class Source(models.Model):
    kind = models.CharField(_("kind"), max_length=10, choices=SourceKind.choices)
    name = models.CharField(_("name"), max_length=200)
    url = models.CharField(_("address"), max_length=500, blank=True, default="")
    organisation = models.ForeignKey(
        "ecosystem.Organisation",
        on_delete=models.CASCADE,
        related_name="news_sources",
        verbose_name=_("park or network"),
        help_text=_("Whose news this is: its staff review what is found in it."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=SourceStatus.choices, default=SourceStatus.NEW
    )
    status_text = models.TextField(_("what happened"), blank=True, default="")
    fetched_at = models.DateTimeField(_("last read"), null=True, blank=True)
    active = models.BooleanField(_("read periodically"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("news source")
        verbose_name_plural = _("news sources")

    def __str__(self) -> str:
        return self.name


class Article(models.Model):
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="articles")
    url = models.CharField(_("address"), max_length=500, blank=True, default="")
    canonical_url = models.CharField(max_length=500, blank=True, default="", db_index=True)
    content_hash = models.CharField(max_length=64, unique=True)
    title = models.CharField(_("title"), max_length=300, blank=True, default="")
    language = models.CharField(_("language"), max_length=8, blank=True, default="")
    published_on = models.DateField(_("published on"), null=True, blank=True)
    text = models.TextField(_("text"))
    words = models.PositiveIntegerField(default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=ArticleStatus.choices, default=ArticleStatus.EXTRACTED
    )
    status_text = models.CharField(_("what happened"), max_length=300, blank=True, default="")
    extraction_version = models.CharField(max_length=20, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [
            models.UniqueConstraint(
                fields=["canonical_url"],
                condition=~models.Q(canonical_url=""),
                name="news_article_unique_canonical_url",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.url or f"#{self.pk}"


class Proposal(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="proposals")
    type = models.CharField(_("type"), max_length=14, choices=ProposalType.choices)
    payload = models.JSONField(_("what was found"), default=dict)
    # The fact's identity (type + folded names): a rejected fingerprint is never proposed again.
    fingerprint = models.CharField(max_length=300, db_index=True)
    sentence = models.TextField(_("sentence"), blank=True, default="")
    span_start = models.PositiveIntegerField(default=0)
    span_end = models.PositiveIntegerField(default=0)
    confidence = models.FloatField(_("confidence"), default=0.5)
    same_as = models.ForeignKey(
        "ecosystem.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("same as"),
    )
    same_as_score = models.FloatField(null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PENDING
    )
    # Whose queue it is in: the source's park or network and the organisations it names.
    concerns = models.ManyToManyField("ecosystem.Organisation", related_name="+", blank=True)
    # What accepting made or changed: {"organisation": id, "agreement": id, "created": true, …}
    outcome = models.JSONField(default=dict, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    batch = models.CharField(max_length=32, blank=True, default="", db_index=True)

    class Meta:
        ordering = ["status", "-confidence", "id"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        indexes = [models.Index(fields=["status", "type"])]

    def __str__(self) -> str:
        return f"{self.get_type_display()}: {self.title}"

    @property
    def title(self) -> str:
        p = self.payload
        if self.type == ProposalType.AGREEMENT:
            return " ↔ ".join(p.get("parties", []))
        if self.type == ProposalType.DELEGATION:
            return f"{p.get('from', '')} → {p.get('to', '')}"
        if self.type == ProposalType.FIGURE:
            return f"{p.get('value', '')} {p.get('what', '')}"
        return p.get("name", "")

    @property
    def sentence_parts(self) -> tuple[str, str, str]:
        """The sentence cut around the words that triggered the proposal, for highlighting."""
        s, a, b = self.sentence, self.span_start, self.span_end
        return s[:a], s[a:b], s[b:]


class RejectedFact(models.Model):
    """A fact staff rejected for an organisation's news: not proposed again to them."""

    organisation = models.ForeignKey(
        "ecosystem.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    fingerprint = models.CharField(max_length=300)
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rejected_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "fingerprint"], name="news_rejected_fact_once"
            ),
        ]

    def __str__(self) -> str:
        return self.fingerprint


class NewsSourceLink(models.Model):
    """Where an accepted fact comes from: the directory entry, agreement, event or delegation
    made or changed by accepting a proposal, and the article it was read in."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="facts")
    proposal = models.OneToOneField(Proposal, on_delete=models.CASCADE, related_name="fact")
    organisation = models.ForeignKey(
        "ecosystem.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="news_facts",
    )
    agreement = models.ForeignKey(
        "partnerships.Agreement",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="news_facts",
    )
    event = models.ForeignKey(
        "events.Event", null=True, blank=True, on_delete=models.CASCADE, related_name="news_facts"
    )
    delegation = models.ForeignKey(
        "partnerships.Delegation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="news_facts",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.proposal} ← {self.article}"
