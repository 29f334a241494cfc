"""A meeting session inside an event: its days, breaks, slots, tables, online rooms and rules.

Slots are stored rows (``MeetingSlot``) generated from the days and breaks by
``matchmaking.services.sessions.generate_slots``; their ``index`` is the slot index the scheduler uses.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maillage.events.enums import ParticipationType
from maillage.matchmaking.enums import HalfDay, SlotLength


class MeetingSession(models.Model):
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="meeting_sessions",
        verbose_name=_("event"),
    )
    name = models.CharField(_("name"), max_length=200)
    slot_minutes = models.PositiveSmallIntegerField(
        _("slot length"), choices=SlotLength.choices, default=SlotLength.MIN_20
    )
    wish_deadline = models.DateTimeField(
        _("wishes close"),
        null=True,
        blank=True,
        help_text=_("Participants mark who they wish to meet until then. Empty: always open."),
    )
    requests_open = models.BooleanField(
        _("meeting requests open"),
        default=True,
        help_text=_("Participants may send each other meeting requests."),
    )
    request_expiry_hours = models.PositiveIntegerField(
        _("requests expire after (hours)"), default=72, validators=[MinValueValidator(1)]
    )
    self_booking = models.BooleanField(
        _("self-booking after publication"),
        default=True,
        help_text=_("Once a schedule is published, participants may book the slots still free."),
    )
    default_max_meetings = models.PositiveIntegerField(
        _("maximum meetings per participant"), null=True, blank=True
    )
    # Reminders sent by the periodic jobs (matchmaking/services/reminders.py).
    remind_day_before = models.BooleanField(
        _("reminder the day before"),
        default=True,
        help_text=_("Each participant receives their agenda of the next day by e-mail."),
    )
    remind_minutes_before = models.PositiveSmallIntegerField(
        _("reminder before each block of meetings (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(5)],
        help_text=_(
            "For instance 30: a short e-mail half an hour before each morning or afternoon "
            "of meetings. Empty: none."
        ),
    )
    feedback_request = models.BooleanField(
        _("ask for feedback after the session"),
        default=True,
        help_text=_("Participants who had meetings are asked how they went, once."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["event", "id"]
        verbose_name = _("meeting session")
        verbose_name_plural = _("meeting sessions")

    def __str__(self) -> str:
        return f"{self.event} — {self.name}"


class SessionDay(models.Model):
    session = models.ForeignKey(
        MeetingSession, on_delete=models.CASCADE, related_name="days", verbose_name=_("session")
    )
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("meetings start"))
    ends_at = models.TimeField(_("meetings end"))

    class Meta:
        ordering = ["date"]
        verbose_name = _("session day")
        verbose_name_plural = _("session days")
        constraints = [
            models.UniqueConstraint(fields=["session", "date"], name="mm_unique_session_day"),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="mm_day_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError(
                {"ends_at": _("The day ends before it starts; give a later end.")}
            )


class SessionBreak(models.Model):
    """A pause (lunch, a talk) inside a day: no meeting slot overlaps it."""

    day = models.ForeignKey(
        SessionDay, on_delete=models.CASCADE, related_name="breaks", verbose_name=_("day")
    )
    label = models.CharField(_("label"), max_length=100, blank=True, default="")
    starts_at = models.TimeField(_("starts at"))
    ends_at = models.TimeField(_("ends at"))

    class Meta:
        ordering = ["day", "starts_at"]
        verbose_name = _("break")
        verbose_name_plural = _("breaks")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="mm_break_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label or _('Break')} {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"


class MeetingSlot(models.Model):
    session = models.ForeignKey(
        MeetingSession, on_delete=models.CASCADE, related_name="slots", verbose_name=_("session")
    )
    index = models.PositiveIntegerField(_("index"))  # 0-based, in time order
    day = models.PositiveSmallIntegerField(_("day"))  # 0-based day of the session
    half = models.CharField(_("half-day"), max_length=2, choices=HalfDay.choices)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    class Meta:
        ordering = ["session", "index"]
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        constraints = [
            models.UniqueConstraint(fields=["session", "index"], name="mm_unique_slot_index"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        zone = self.session.event.zone
        return timezone.localtime(self.starts_at, zone).strftime("%H:%M")


class Table(models.Model):
    session = models.ForeignKey(
        MeetingSession, on_delete=models.CASCADE, related_name="tables", verbose_name=_("session")
    )
    number = models.PositiveIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=100, blank=True, default="")
    reserved_for = models.ForeignKey(
        "matchmaking.Participant",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reserved_tables",
        verbose_name=_("reserved for"),
        help_text=_("An exhibitor who holds all their meetings at this table."),
    )

    class Meta:
        ordering = ["session", "number"]
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        constraints = [
            models.UniqueConstraint(fields=["session", "number"], name="mm_unique_table_number"),
            models.UniqueConstraint(
                fields=["reserved_for"],
                condition=models.Q(reserved_for__isnull=False),
                name="mm_one_reserved_table_per_participant",
            ),
        ]

    def __str__(self) -> str:
        return self.name or _("Table %(number)s") % {"number": self.number}


class OnlineRoom(models.Model):
    session = models.ForeignKey(
        MeetingSession,
        on_delete=models.CASCADE,
        related_name="online_rooms",
        verbose_name=_("session"),
    )
    name = models.CharField(_("name"), max_length=100)
    video_url = models.URLField(_("video link"))

    class Meta:
        ordering = ["session", "id"]
        verbose_name = _("online room")
        verbose_name_plural = _("online rooms")
        constraints = [
            models.UniqueConstraint(fields=["session", "name"], name="mm_unique_room_name"),
        ]

    def __str__(self) -> str:
        return self.name


class ParticipationRule(models.Model):
    """Whether participants of type A may meet those of type B (symmetric). Default: they may."""

    session = models.ForeignKey(
        MeetingSession, on_delete=models.CASCADE, related_name="rules", verbose_name=_("session")
    )
    type_a = models.CharField(_("type A"), max_length=16, choices=ParticipationType.choices)
    type_b = models.CharField(_("type B"), max_length=16, choices=ParticipationType.choices)
    may_meet = models.BooleanField(_("may meet"), default=False)

    class Meta:
        verbose_name = _("participation rule")
        verbose_name_plural = _("participation rules")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "type_a", "type_b"], name="mm_unique_participation_rule"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_type_a_display()} ↔ {self.get_type_b_display()}: {self.may_meet}"


class TypeLimit(models.Model):
    """The most meetings a participant of a given type may have in the session."""

    session = models.ForeignKey(
        MeetingSession,
        on_delete=models.CASCADE,
        related_name="type_limits",
        verbose_name=_("session"),
    )
    participation_type = models.CharField(
        _("participation type"), max_length=16, choices=ParticipationType.choices
    )
    max_meetings = models.PositiveIntegerField(_("maximum meetings"))

    class Meta:
        verbose_name = _("meeting limit per type")
        verbose_name_plural = _("meeting limits per type")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "participation_type"], name="mm_unique_type_limit"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_participation_type_display()}: {self.max_meetings}"
