from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    BUSINESS_CONVENTION = "business_convention", _("Business convention (B2B meetings)")
    NETWORKING_LUNCH = "networking_lunch", _("Networking lunch")
    CONFERENCE = "conference", _("Congress or conference")
    TRADE_SHOW_MATCHMAKING = "trade_show_matchmaking", _("Matchmaking session at a trade show")
    PITCH_SESSION = "pitch_session", _("Pitch session")
    SEMINAR = "seminar", _("Seminar or webinar")
    DELEGATION_VISIT = "delegation_visit", _("Delegation visit")


# Kinds whose heart is pre-scheduled one-to-one meetings (the matchmaking app hangs off these).
MATCHMAKING_KINDS = frozenset({EventKind.BUSINESS_CONVENTION, EventKind.TRADE_SHOW_MATCHMAKING})


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


class ProgrammeItemKind(models.TextChoices):
    TALK = "talk", _("Talk")
    TESTIMONIAL = "testimonial", _("Testimonial")
    PITCH = "pitch", _("Pitch")
    PANEL = "panel", _("Panel")
    BREAK = "break", _("Break")
    NETWORKING = "networking", _("Networking")


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


ACTIVE_STATUSES = frozenset(
    {RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED}
)


class ParticipationType(models.TextChoices):
    """What the participant comes as; matchmaking rules (who meets whom) are keyed on it."""

    STARTUP = "startup", _("Startup")
    SME = "sme", _("SME")
    LARGE_GROUP = "large_group", _("Large group")
    SCHOOL = "school", _("School or university")
    RESEARCH = "research", _("Research laboratory")
    INVESTOR = "investor", _("Investor or funder")
    SUPPORT = "support", _("Park, cluster or support organisation")
    PUBLIC_BODY = "public_body", _("Public body")
    OTHER = "other", _("Other")


class RegistrationSource(models.TextChoices):
    WEB = "web", _("Registration form")
    IMPORT = "import", _("Import")
    STAFF = "staff", _("Added by staff")
    API = "api", _("API")
