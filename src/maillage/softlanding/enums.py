from django.db import models
from django.utils.translation import gettext_lazy as _


class Service(models.TextChoices):
    DESK = "desk", _("Desk")
    MENTORING = "mentoring", _("Mentoring")
    MARKET_STUDY = "market_study", _("Market study")
    LEGAL_VISA = "legal_visa", _("Legal and visa help")
    INTRODUCTIONS = "introductions", _("Introductions to customers and investors")
    LAB_ACCESS = "lab_access", _("Lab access")


class Stage(models.TextChoices):
    IDEA = "idea", _("Idea")
    SEED = "seed", _("Seed")
    EARLY = "early", _("Early revenue")
    GROWTH = "growth", _("Growth")


class ApplicationStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    SCREENING = "screening", _("Screening")
    MATCHED = "matched", _("Matched")
    AGREED = "agreed", _("Agreed")
    LANDED = "landed", _("Landed")
    EXITED = "exited", _("Exited")
    DECLINED = "declined", _("Declined")


A = ApplicationStatus
# The pipeline: each status and the ones that may follow it (services refuse anything else).
PIPELINE = [A.APPLIED, A.SCREENING, A.MATCHED, A.AGREED, A.LANDED, A.EXITED]
TRANSITIONS: dict[str, set[str]] = {
    A.APPLIED: {A.SCREENING, A.DECLINED},
    A.SCREENING: {A.MATCHED, A.DECLINED},
    A.MATCHED: {A.AGREED, A.SCREENING, A.DECLINED},
    A.AGREED: {A.LANDED, A.DECLINED},
    A.LANDED: {A.EXITED},
    A.EXITED: set(),
    A.DECLINED: set(),
}
# Statuses in which an application holds a desk at its host.
HOLDS_DESK = {A.MATCHED, A.AGREED, A.LANDED}
del A


class ExitOutcome(models.TextChoices):
    STAYED = "stayed", _("Stayed in the host country")
    LEFT = "left", _("Left the host country")


class OutcomeMonth(models.IntegerChoices):
    SIX = 6, _("6 months")
    TWELVE = 12, _("12 months")
    TWENTY_FOUR = 24, _("24 months")
