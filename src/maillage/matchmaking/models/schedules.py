"""Versioned meeting schedules (pretalx style) and their meetings.

A session has at most one draft schedule, which organisers and the optimiser edit, and a
sequence of published versions (1, 2, …); publishing freezes the draft as the next version,
archives the previous one and starts a new draft as a copy. A meeting keeps its ``uid`` across
versions (same participants), which calendars use to replace rather than duplicate it.

No double booking is enforced by the database: a table or an online room holds one scheduled
meeting per slot, and ``MeetingSeat`` (one row per participant of a meeting) is unique per
schedule, slot and participant while active.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from maillage.matchmaking.enums import MeetingSource, MeetingStatus, ScheduleStatus


class Schedule(models.Model):
    session = models.ForeignKey(
        "matchmaking.MeetingSession",
        on_delete=models.CASCADE,
        related_name="schedules",
        verbose_name=_("session"),
    )
    version = models.PositiveIntegerField(_("version"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ScheduleStatus.choices, default=ScheduleStatus.DRAFT
    )
    name = models.CharField(_("name"), max_length=200, blank=True, default="")
    comment = models.TextField(_("comment"), blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published by"),
    )

    class Meta:
        ordering = ["session", "version"]
        verbose_name = _("schedule")
        verbose_name_plural = _("schedules")
        constraints = [
            models.UniqueConstraint(
                fields=["session"],
                condition=models.Q(status="draft"),
                name="mm_one_draft_per_session",
            ),
            models.UniqueConstraint(
                fields=["session", "version"],
                condition=models.Q(version__isnull=False),
                name="mm_unique_schedule_version",
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(version__isnull=False),
                name="mm_released_schedule_has_version",
            ),
        ]

    def __str__(self) -> str:
        if self.version is None:
            return str(_("Draft"))
        return self.name or _("Version %(version)s") % {"version": self.version}

    @property
    def is_draft(self) -> bool:
        return self.status == ScheduleStatus.DRAFT


class MeetingQuerySet(models.QuerySet):
    def scheduled(self):
        return self.filter(status=MeetingStatus.SCHEDULED)

    def with_details(self):
        return self.select_related(
            "slot",
            "table",
            "room",
            "participant_a__registration__person",
            "participant_a__registration__organisation",
            "participant_b__registration__person",
            "participant_b__registration__organisation",
        )

    def of_participant(self, participant):
        return self.filter(seats__participant=participant, seats__active=True)


class Meeting(models.Model):
    schedule = models.ForeignKey(
        Schedule, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("schedule")
    )
    uid = models.UUIDField(_("identifier"), default=uuid.uuid4, editable=False)
    # The two main participants (a group meeting of 3–4 has the others as seats only).
    participant_a = models.ForeignKey(
        "matchmaking.Participant",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("participant"),
    )
    participant_b = models.ForeignKey(
        "matchmaking.Participant",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("meets"),
    )
    participants = models.ManyToManyField(
        "matchmaking.Participant",
        through="MeetingSeat",
        related_name="meetings",
        verbose_name=_("participants"),
    )
    slot = models.ForeignKey(
        "matchmaking.MeetingSlot",
        on_delete=models.CASCADE,
        related_name="meetings",
        verbose_name=_("slot"),
    )
    table = models.ForeignKey(
        "matchmaking.Table",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
        verbose_name=_("table"),
    )
    room = models.ForeignKey(
        "matchmaking.OnlineRoom",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
        verbose_name=_("online room"),
    )
    source = models.CharField(
        _("source"), max_length=12, choices=MeetingSource.choices, default=MeetingSource.WISH
    )
    request = models.ForeignKey(
        "matchmaking.MeetingRequest",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
        verbose_name=_("request"),
    )
    weight = models.PositiveIntegerField(_("weight"), default=1)
    locked = models.BooleanField(
        _("locked"), default=False, help_text=_("The optimiser keeps this meeting where it is.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["schedule", "slot__index", "table__number", "id"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(participant_a=models.F("participant_b")),
                name="mm_meeting_two_different_people",
            ),
            models.CheckConstraint(
                condition=models.Q(table__isnull=True) | models.Q(room__isnull=True),
                name="mm_meeting_table_or_room",
            ),
            models.UniqueConstraint(
                fields=["schedule", "slot", "table"],
                condition=models.Q(status="scheduled", table__isnull=False),
                name="mm_table_once_per_slot",
            ),
            models.UniqueConstraint(
                fields=["schedule", "slot", "room"],
                condition=models.Q(status="scheduled", room__isnull=False),
                name="mm_room_once_per_slot",
            ),
            models.UniqueConstraint(
                fields=["schedule", "uid"],
                condition=models.Q(status="scheduled"),
                name="mm_meeting_uid_once_per_schedule",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant_a} / {self.participant_b} @ {self.slot}"

    @property
    def is_online(self) -> bool:
        return self.room_id is not None


class MeetingSeat(models.Model):
    """A participant's place in a meeting; the unique constraint forbids double booking."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="seats")
    participant = models.ForeignKey(
        "matchmaking.Participant", on_delete=models.CASCADE, related_name="seats"
    )
    # Copies of the meeting's schedule and slot so that the database can check uniqueness.
    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="+")
    slot = models.ForeignKey("matchmaking.MeetingSlot", on_delete=models.CASCADE, related_name="+")
    active = models.BooleanField(default=True)  # False once the meeting is cancelled

    class Meta:
        verbose_name = _("meeting seat")
        verbose_name_plural = _("meeting seats")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "participant"], name="mm_seat_once_per_meeting"
            ),
            models.UniqueConstraint(
                fields=["schedule", "slot", "participant"],
                condition=models.Q(active=True),
                name="mm_no_double_booking",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} @ {self.slot_id}"


class ScheduleChangeNotice(models.Model):
    """What changed for one participant in a published version, compared with the previous one."""

    schedule = models.ForeignKey(
        Schedule, on_delete=models.CASCADE, related_name="notices", verbose_name=_("schedule")
    )
    participant = models.ForeignKey(
        "matchmaking.Participant",
        on_delete=models.CASCADE,
        related_name="schedule_notices",
        verbose_name=_("participant"),
    )
    # A list of {"kind": added|removed|moved|table, "uid", "with", "before", "after"} entries.
    changes = models.JSONField(_("changes"), default=list)
    notified_at = models.DateTimeField(_("notified at"), null=True, blank=True)

    class Meta:
        ordering = ["schedule", "participant"]
        verbose_name = _("schedule change notice")
        verbose_name_plural = _("schedule change notices")
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "participant"], name="mm_one_notice_per_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.schedule} — {self.participant}"
