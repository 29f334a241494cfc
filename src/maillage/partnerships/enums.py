from django.db import models
from django.utils.translation import gettext_lazy as _


class AgreementKind(models.TextChoices):
    TWINNING = "twinning", _("Twinning (sister parks)")
    COOPERATION = "cooperation", _("Cooperation agreement")
    SOFT_LANDING = "soft_landing", _("Soft-landing convention")
    MOU = "mou", _("Memorandum of understanding")
    JOINT_PROGRAMME = "joint_programme", _("Joint programme")


class AgreementStatus(models.TextChoices):
    NEGOTIATION = "negotiation", _("In negotiation")
    SIGNED = "signed", _("Signed")
    ACTIVE = "active", _("Active")
    EXPIRED = "expired", _("Expired")
    TERMINATED = "terminated", _("Terminated")


S = AgreementStatus
# Which status may follow which; anything else is refused by services.change_agreement_status.
AGREEMENT_TRANSITIONS: dict[str, set[str]] = {
    S.NEGOTIATION: {S.SIGNED, S.TERMINATED},
    S.SIGNED: {S.ACTIVE, S.TERMINATED},
    S.ACTIVE: {S.EXPIRED, S.TERMINATED},
    S.EXPIRED: {S.ACTIVE},  # renewed
    S.TERMINATED: set(),
}
del S

# Statuses in which an agreement ties its parties together on the network map.
BINDING_STATUSES = {AgreementStatus.SIGNED, AgreementStatus.ACTIVE}


class PartyRole(models.TextChoices):
    SIGNATORY = "signatory", _("Signatory")
    COORDINATOR = "coordinator", _("Coordinator")
    HOST = "host", _("Host")
    PARTNER = "partner", _("Partner")
    FUNDER = "funder", _("Funder")


class CommitmentKind(models.TextChoices):
    SEMINAR = "seminar", _("Seminar")
    MATCHMAKING = "matchmaking", _("Matchmaking session")
    DELEGATION = "delegation", _("Delegation exchange")
    TRAINING = "training", _("Training programme")
    OTHER = "other", _("Other action")


class DelegationDirection(models.TextChoices):
    INCOMING = "incoming", _("Incoming")
    OUTGOING = "outgoing", _("Outgoing")


class FollowUpKind(models.TextChoices):
    AGREEMENT = "agreement", _("Agreement")
    APPLICATION = "application", _("Soft-landing application")
    OTHER = "other", _("Other outcome")
