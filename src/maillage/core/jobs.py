"""Background jobs that make or read a file: PDFs (badges, agendas, table plans) and spreadsheet
imports. They run on the "files" queue, with a worker of their own: never ahead of the mails,
never behind an hour-long optimiser run, and never in the web request.

An app declares the work as a function decorated with :func:`job_kind`; :func:`start` stores the
job (with the uploaded file, if any) and enqueues it once the transaction commits; the worker
calls :func:`run`, which claims the job once (two workers never run it twice), runs the function
in the language of the user who started it and records what came out. The function returns an
:class:`Outcome`: a summary for the job's page, and the file made, if any. A function that
refuses its input (rows of a spreadsheet that are wrong) returns ``Outcome(failed=True)`` with
the reasons in the summary; an exception is recorded as a failure with a sentence, and leaves
the data as it was (imports write in one transaction).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from maillage.core.models import Job, JobState

log = logging.getLogger(__name__)

KIND_MARK = "maillage_job_kind"


@dataclass
class Outcome:
    summary: dict[str, Any] = field(default_factory=dict)
    file_name: str = ""
    content: bytes | None = None
    failed: bool = False


@dataclass(frozen=True)
class Kind:
    """What the job page says of a kind of job: its title and the template of its summary."""

    title: Callable[[], str]  # called in the reader's language
    template: str


def job_kind(*, title: Callable[[], str], template: str):
    """Mark ``function(job) -> Outcome`` as work a job may name."""

    def mark(function):
        setattr(function, KIND_MARK, Kind(title=title, template=template))
        return function

    return mark


def _function(path: str):
    try:
        function = import_string(path)
    except ImportError as exc:
        raise ValueError(f"{path!r} cannot be imported ({exc})") from exc
    if not hasattr(function, KIND_MARK):
        raise ValueError(f"{path!r} is not marked with @job_kind")
    return function


def kind_of(job: Job) -> Kind:
    return getattr(_function(job.kind), KIND_MARK)


def start(
    function,
    *,
    owner,
    params: dict | None = None,
    upload=None,
    back_url: str = "",
) -> Job:
    """Store a job for ``function`` and enqueue it once the current transaction commits.

    ``upload`` is an uploaded file (or any Django ``File``) the job reads; it is kept under
    MEDIA_ROOT/jobs/in/ until the job ends."""
    path = f"{function.__module__}.{function.__qualname__}"
    _function(path)  # refuses a function that is not a job kind before anything is stored
    job = Job(
        kind=path,
        owner=owner,
        params=params or {},
        language=translation.get_language() or "",
        back_url=back_url,
    )
    if upload is not None:
        job.upload.save(upload.name, upload, save=False)
    job.save()
    transaction.on_commit(lambda: _enqueue(job.pk))
    return job


def _enqueue(job_id) -> None:
    from maillage.core import tasks

    tasks.run_job.enqueue(job_id=str(job_id))


def run(job_id) -> Job | None:
    """Run a queued job once; returns it as it ended (None when it no longer exists)."""
    claimed = Job.objects.filter(pk=job_id, state=JobState.QUEUED).update(state=JobState.RUNNING)
    job = Job.objects.filter(pk=job_id).first()
    if not claimed or job is None:
        return job  # deleted, or taken by another worker
    try:
        with translation.override(job.language or None):
            outcome = _function(job.kind)(job)
    except Exception as exc:  # noqa: BLE001 (whatever broke, the job says so; data is unharmed)
        log.exception("job %s (%s) failed", job.pk, job.kind)
        _finish(job, JobState.FAILED, error=exc.__class__.__name__)
        return job
    if outcome.content is not None:
        job.output.save(outcome.file_name, ContentFile(outcome.content), save=False)
    _finish(
        job,
        JobState.FAILED if outcome.failed else JobState.DONE,
        summary={**outcome.summary, "file_name": outcome.file_name},
    )
    return job


def _finish(job: Job, state: str, *, summary: dict | None = None, error: str = "") -> None:
    if job.upload:
        job.upload.delete(save=False)  # the spreadsheet read is not kept once the job ends
    job.state, job.result, job.error = state, summary or {}, error
    job.finished_at = timezone.now()
    job.save(update_fields=["state", "result", "error", "finished_at", "upload", "output"])


def failure_sentence(job: Job) -> str:
    """What the page says of a job that broke (not of one that refused its input)."""
    return _(
        "The job stopped with an unexpected error (%(error)s); nothing was changed. Start it "
        "again; if it fails again, tell the platform's administrators."
    ) % {"error": job.error}


def delete_finished_before(moment) -> int:
    """Remove finished jobs (and their files) older than ``moment``; returns how many."""
    count = 0
    for job in Job.objects.filter(finished_at__lt=moment):
        if job.output:
            job.output.delete(save=False)
        job.delete()
        count += 1
    return count
