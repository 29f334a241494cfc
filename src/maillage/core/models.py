"""Platform-wide rows that belong to no domain app: the periodic jobs' next run times, the
background jobs that make or read files, and the task workers' heartbeats."""

from __future__ import annotations

import uuid

from django.conf import settings
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


class WorkerHeartbeat(models.Model):
    """When a worker of a task queue last ran the heartbeat task: the health check's proof that
    the queue is served (see maillage.core.health)."""

    queue = models.CharField(_("queue"), max_length=100, unique=True)
    seen_at = models.DateTimeField(_("last seen"))

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")
        ordering = ["queue"]

    def __str__(self) -> str:
        return self.queue


class JobState(models.TextChoices):
    QUEUED = "queued", _("waiting for a worker")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class Job(models.Model):
    """A file made or read on a worker for one user: a PDF to download, a spreadsheet to import.

    ``kind`` is the dotted path of the function that does the work (see ``maillage.core.jobs``);
    the id is random, and only the user who started the job may see it.
    """

    State = JobState  # for templates: job.state == job.State.QUEUED

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs"
    )
    language = models.CharField(_("language"), max_length=10, blank=True)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    upload = models.FileField(_("file read"), upload_to="jobs/in/", blank=True)
    output = models.FileField(_("file made"), upload_to="jobs/out/", blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=JobState.choices, default=JobState.QUEUED
    )
    result = models.JSONField(_("result"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    back_url = models.CharField(_("back to"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} ({self.state})"

    @property
    def is_finished(self) -> bool:
        return self.state in (JobState.DONE, JobState.FAILED)
