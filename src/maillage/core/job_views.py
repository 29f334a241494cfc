"""A background job's page (polled by htmx until the job ends) and the file it made."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from maillage.core import jobs
from maillage.core.models import Job


def _job_or_denied(request, job_id) -> Job:
    job = get_object_or_404(Job, pk=job_id)
    if not request.user.has_perm("core.view_job", job):
        raise PermissionDenied(_("Only the person who started this job may see it."))
    return job


@login_required
def job(request, job_id):
    job = _job_or_denied(request, job_id)
    context = {
        "job": job,
        "kind": jobs.kind_of(job),
        "summary": job.result,
        "failure": jobs.failure_sentence(job) if job.error else "",
    }
    template = "core/_job.html" if request.htmx else "core/job.html"
    return render(request, template, context)


@login_required
def job_file(request, job_id):
    job = _job_or_denied(request, job_id)
    if not job.output:
        raise Http404(_("This job made no file, or it was removed a week after it was made."))
    return FileResponse(
        job.output.open("rb"), as_attachment=True, filename=job.result.get("file_name") or None
    )
