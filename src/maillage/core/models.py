"""Platform-wide rows that belong to no domain app: the periodic jobs' next run times."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodicJob(models.Model):
    """One entry of ``MAILLAGE_PERIODIC_TASKS``: when a scheduler may enqueue it next.

    Schedulers claim a run with one conditional UPDATE on ``next_run_at``, so two schedulers
    (two machines, or a restart) enqueue each run once.
    """

    name = models.CharField(_("task"), max_length=200, unique=True)
    next_run_at = models.DateTimeField(_("next run"))
    last_enqueued_at = models.DateTimeField(_("last enqueued"), null=True, blank=True)

    class Meta:
        verbose_name = _("periodic job")
        verbose_name_plural = _("periodic jobs")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
