from django.db import models
from django.utils.translation import gettext_lazy as _


class SlotLength(models.IntegerChoices):
    MIN_15 = 15, _("15 minutes")
    MIN_20 = 20, _("20 minutes")
    MIN_30 = 30, _("30 minutes")


class HalfDay(models.TextChoices):
    AM = "am", _("Morning")
    PM = "pm", _("Afternoon")


class AttendMode(models.TextChoices):
    ONSITE = "onsite", _("On site")
    ONLINE = "online", _("Online")
    BOTH = "both", _("On site or online")


class OpportunityKind(models.TextChoices):
    OFFER = "offer", _("Offer")
    REQUEST = "request", _("Request")


class OpportunityCategory(models.TextChoices):
    PRODUCT = "product", _("Product")
    SERVICE = "service", _("Service")
    PARTNERSHIP = "partnership", _("Partnership")
    RD_COOPERATION = "rd_cooperation", _("R&D cooperation")
    INVESTMENT = "investment", _("Investment")
    SOFT_LANDING = "soft_landing", _("Soft landing")
    JOB = "job", _("Job")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")
    CANCELLED = "cancelled", _("Cancelled")


class WishLevel(models.TextChoices):
    MUST_MEET = "must_meet", _("Must meet")
    WOULD_LIKE = "would_like", _("Would like to meet")
    NO_THANKS = "no_thanks", _("No, thanks")


# The weight of a meeting promised by an accepted request, in the draft (booked at once) and for
# the optimiser when it cannot be required (see scheduling/build.py): defined once, here.
ACCEPTED_REQUEST_WEIGHT = 5


class ScheduleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class MeetingSource(models.TextChoices):
    REQUEST = "request", _("Accepted request")
    WISH = "wish", _("Wish (optimiser)")
    MANUAL = "manual", _("Added by the organiser")
    SELF_BOOKED = "self_booked", _("Booked by a participant")


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Succeeded")
    FAILED = "failed", _("Failed")
    STOPPED = "stopped", _("Stopped")


FINISHED_RUN_STATUSES = frozenset({RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.STOPPED})


class FeedbackOutcome(models.TextChoices):
    DID_NOT_TAKE_PLACE = "did_not_take_place", _("The meeting did not take place")
    INSUFFICIENT_INTEREST = "insufficient_interest", _("Insufficient interest")
    INFORMATIVE = "informative_no_cooperation", _("Informative, no cooperation")
    COOPERATION_POSSIBLE = "cooperation_possible", _("Cooperation possible")


class ChangeKind(models.TextChoices):
    ADDED = "added", _("New meeting")
    REMOVED = "removed", _("Meeting cancelled")
    MOVED = "moved", _("Meeting moved")
    TABLE = "table", _("Table or room changed")
