"""Background jobs API: where a job stands (queued, running, done, failed), what it reported, and
the file it made (badges, agendas, table plans). Only the user who started a job sees it
(``core.view_job``); anyone else gets the answer of an unknown job.

Operations that start a job (``POST /events/{slug}/badges``…) answer 202 with the job
(:func:`accepted`); the caller polls ``GET /jobs/{id}`` until ``finished``, then downloads
``file`` when there is one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from django.http import FileResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from maillage.api.errors import answers, not_found
from maillage.core import jobs
from maillage.core.models import Job, JobState

router = Router(tags=["jobs"])


class JobOut(Schema):
    id: UUID
    title: str
    state: JobState
    finished: bool
    summary: dict[str, Any]
    failure: str
    file: str | None
    created_at: datetime
    finished_at: datetime | None

    @staticmethod
    def resolve_title(obj) -> str:
        return str(jobs.kind_of(obj).title())

    @staticmethod
    def resolve_finished(obj) -> bool:
        return obj.is_finished

    @staticmethod
    def resolve_summary(obj) -> dict:
        return obj.result or {}

    @staticmethod
    def resolve_failure(obj) -> str:
        return jobs.failure_sentence(obj) if obj.error else ""

    @staticmethod
    def resolve_file(obj) -> str | None:
        if not obj.output:
            return None
        return reverse("api:job_file_download", kwargs={"job_id": obj.pk})


def accepted(job: Job):
    """The answer of an operation that started ``job``: 202 with the job to poll."""
    return Status(202, job)


def _job(request, job_id: UUID) -> Job:
    job = Job.objects.filter(pk=job_id).first()
    if job is None or not request.user.has_perm("core.view_job", job):
        raise not_found("job")
    return job


@router.get("/jobs/{job_id}", response=answers({200: JobOut}, 404))
def get_job(request, job_id: UUID):
    return _job(request, job_id)


@router.get(
    "/jobs/{job_id}/file",
    response=answers({200: None}, 404, 409),
    url_name="job_file_download",
    summary="The file the job made (PDF, spreadsheet)",
)
def job_file(request, job_id: UUID):
    job = _job(request, job_id)
    if not job.is_finished:
        raise HttpError(409, _("The job has not finished yet; ask again in a few seconds."))
    if not job.output:
        raise HttpError(
            404, _("This job made no file, or it was removed a week after it was made.")
        )
    return FileResponse(
        job.output.open("rb"), as_attachment=True, filename=job.result.get("file_name") or None
    )
