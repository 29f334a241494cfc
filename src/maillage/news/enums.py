from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceKind(models.TextChoices):
    FEED = "feed", _("RSS or Atom feed")
    PAGE = "page", _("Web page or saved HTML page")
    PASTED = "pasted", _("Pasted text")
    UPLOAD = "upload", _("Uploaded file")


class SourceStatus(models.TextChoices):
    NEW = "new", _("Not read yet")
    OK = "ok", _("Read")
    PARTLY = "partly", _("Read, some articles could not be")
    FAILED = "failed", _("Could not be read")


class ArticleStatus(models.TextChoices):
    EXTRACTED = "extracted", _("Read")
    SKIPPED = "skipped", _("Not read")


class ProposalType(models.TextChoices):
    ORGANISATION = "organisation", _("Organisation")
    AGREEMENT = "agreement", _("Agreement")
    EVENT = "event", _("Event")
    DELEGATION = "delegation", _("Delegation")
    FIGURE = "figure", _("Figure")


class ProposalStatus(models.TextChoices):
    PENDING = "pending", _("To review")
    ACCEPTED = "accepted", _("Accepted")
    MERGED = "merged", _("Merged with an existing entry")
    REJECTED = "rejected", _("Rejected")


# Extraction kinds of organisation -> the directory's (kind, subtype).
DIRECTORY_KINDS = {
    "park": ("park", ""),
    "network": ("network", ""),
    "company": ("company", ""),
    "startup": ("company", "startup"),
    "university": ("school", ""),
    "public_body": ("public_body", ""),
    "funder": ("investor", ""),
}
