"""A run of the optimiser over a session, executed as a background task."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from maillage.matchmaking.enums import FINISHED_RUN_STATUSES, RunStatus


class ScheduleRun(models.Model):
    Status = RunStatus  # for templates: run.status == run.Status.STOPPED

    session = models.ForeignKey(
        "matchmaking.MeetingSession",
        on_delete=models.CASCADE,
        related_name="runs",
        verbose_name=_("session"),
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("started by"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    time_limit = models.PositiveIntegerField(_("time limit (seconds)"), default=60)
    stop_requested = models.BooleanField(_("stop requested"), default=False)
    # {"objective": int, "bound": int, "seconds": float, "solutions": int}
    progress = models.JSONField(_("progress"), default=dict, blank=True)
    # {"status", "objective", "bound", "gap", "meetings", "conflicts", "conflicts_why",
    #  "unscheduled": [{"people", "names", "weight", "source", "reason", "why"}]}: "reason" and
    #  "conflicts" are the English sentences, "why" and "conflicts_why" the same as data that
    #  pages translate (matchmaking.scheduling.reasons)
    result = models.JSONField(_("result"), default=dict, blank=True)
    # The best schedule found by a stopped run, kept so the organiser may apply it.
    best_found = models.JSONField(default=list, blank=True)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True, default="")
    task_id = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("optimiser run")
        verbose_name_plural = _("optimiser runs")
        constraints = [
            models.UniqueConstraint(
                fields=["session"],
                condition=models.Q(status__in=["queued", "running"]),
                name="mm_one_active_run_per_session",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session} — {self.get_status_display()}"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_RUN_STATUSES
