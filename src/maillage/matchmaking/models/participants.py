"""Who takes part in a meeting session: a registration to the event, with session settings."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from maillage.matchmaking.enums import AttendMode


class ParticipantQuerySet(models.QuerySet):
    def with_people(self):
        return self.select_related("registration__person", "registration__organisation")

    def of_user(self, user):
        if not (user and user.is_authenticated):
            return self.none()
        return self.filter(registration__person__user=user)


class Participant(models.Model):
    session = models.ForeignKey(
        "matchmaking.MeetingSession",
        on_delete=models.CASCADE,
        related_name="participants",
        verbose_name=_("session"),
    )
    registration = models.ForeignKey(
        "events.Registration",
        on_delete=models.CASCADE,
        related_name="meeting_participations",
        verbose_name=_("registration"),
    )
    mode = models.CharField(
        _("meets"), max_length=8, choices=AttendMode.choices, default=AttendMode.ONSITE
    )
    max_meetings = models.PositiveIntegerField(
        _("maximum meetings"),
        null=True,
        blank=True,
        help_text=_("Empty: the limit of the participation type or of the session."),
    )
    unavailable_slots = models.ManyToManyField(
        "matchmaking.MeetingSlot",
        blank=True,
        related_name="unavailable_participants",
        verbose_name=_("unavailable slots"),
    )
    # On the day: absent from this slot on (set at check-in or by the organiser); null = present.
    absent_from_slot = models.ForeignKey(
        "matchmaking.MeetingSlot",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("absent from slot"),
    )
    is_late_registrant = models.BooleanField(_("registered late"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        ordering = ["session", "id"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "registration"], name="mm_unique_participant"
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def person(self):
        return self.registration.person

    @property
    def organisation(self):
        return self.registration.organisation

    @property
    def participation_type(self) -> str:
        return self.registration.participation_type

    @property
    def display_name(self) -> str:
        reg = self.registration
        if reg.organisation_id:
            return f"{reg.person} ({reg.organisation})"
        return str(reg.person)

    @property
    def short_name(self) -> str:
        """How a participant is named in sentences: the organisation, else the person."""
        reg = self.registration
        return str(reg.organisation) if reg.organisation_id else str(reg.person)

    @property
    def person_name(self) -> str:
        return str(self.registration.person)

    def meeting_limit(self, limits: dict[str, int] | None = None) -> int | None:
        """The most meetings this participant may have: their own maximum, else their
        participation type's (``limits`` maps types to maxima, read once for a whole session),
        else the session's default."""
        if self.max_meetings is not None:
            return self.max_meetings
        session = self.session
        if limits is None:
            limits = dict(session.type_limits.values_list("participation_type", "max_meetings"))
        limit = limits.get(self.registration.participation_type)
        return limit if limit is not None else session.default_max_meetings
