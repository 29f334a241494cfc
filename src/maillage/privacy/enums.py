"""Choices of the privacy app: what a consent is for, how it was given, who asked an erasure."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsentPurpose(models.TextChoices):
    PUBLIC_DIRECTORY = "public_directory", _("appear in the public directory")


class ConsentMethod(models.TextChoices):
    SIGNED_IN = "signed_in", _("the person signed in")
    VERIFIED_LINK = "verified_link", _("a link sent to the person's address")
    ERASURE = "erasure", _("the person's data were erased")
    DEMO = "demo", _("demonstration data")


# The sentence the person is shown for each purpose (in their language when recorded).
CONSENT_TEXTS = {
    ConsentPurpose.PUBLIC_DIRECTORY: _("Show my name and biography in the public directory"),
}

# A consent may be *given* only by the person; withdrawing it is also possible by erasure.
GRANTING_METHODS = {ConsentMethod.SIGNED_IN, ConsentMethod.VERIFIED_LINK, ConsentMethod.DEMO}


class ErasureBasis(models.TextChoices):
    SELF = "self", _("by the person, signed in")
    STAFF_ON_REQUEST = "staff", _("by a staff member, on the person's request")


class DataRequestKind(models.TextChoices):
    ACCESS = "access", _("copy of the data")
    ERASURE = "erasure", _("erasure")


class AnonymousCause(models.TextChoices):
    ERASURE = "erasure", _("erased on request")
    RETENTION = "retention", _("old registration, retention period over")
