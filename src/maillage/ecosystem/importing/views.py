"""Import pages for park and network staff: upload -> preview and column mapping -> the import
runs on a worker, and its job page gives the result.

The uploaded file waits in MEDIA_ROOT/imports/ under a random name known only to the
uploader's session, and is deleted once imported or cancelled."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.core import jobs
from maillage.ecosystem.importing import jobs as import_jobs
from maillage.ecosystem.importing.files import ImportFileError, read_table
from maillage.ecosystem.importing.forms import MappingForm, UploadForm
from maillage.ecosystem.importing.organisations import (
    check_mapping,
    default_host_park_for,
    guess_mapping,
)

SESSION_KEY = "ecosystem_imports"
PREVIEW_ROWS = 10
_folder = import_jobs.imports_folder


def _require_permission(request) -> None:
    if not request.user.has_perm("ecosystem.import_organisations"):
        raise PermissionDenied(_("Only park or network staff may import organisations."))


def _pending(request, token: str) -> tuple[dict, Path]:
    pending = request.session.get(SESSION_KEY, {}).get(token)
    if not pending:
        raise Http404(_("This import is finished or was never started."))
    path = _folder() / pending["stored"]
    if not path.exists():
        raise Http404(_("The uploaded file is gone; upload it again."))
    return pending, path


def _forget(request, token: str) -> None:
    imports = request.session.get(SESSION_KEY, {})
    pending = imports.pop(token, None)
    request.session[SESSION_KEY] = imports
    if pending:
        (_folder() / pending["stored"]).unlink(missing_ok=True)


@login_required
def import_upload(request):
    _require_permission(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        token = uuid.uuid4().hex
        stored = f"{token}{Path(upload.name).suffix.lower()}"
        path = _folder() / stored
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        try:
            read_table(path, upload.name)
        except ImportFileError as exc:
            path.unlink(missing_ok=True)
            form.add_error("file", str(exc))
        else:
            imports = request.session.get(SESSION_KEY, {})
            imports[token] = {"stored": stored, "filename": upload.name}
            request.session[SESSION_KEY] = imports
            return redirect("ecosystem:import_preview", token=token)
    return render(request, "ecosystem/import_upload.html", {"form": form})


@login_required
def import_preview(request, token: str):
    """Preview and column mapping; the import itself runs on a worker (``jobs``)."""
    _require_permission(request)
    pending, path = _pending(request, token)
    try:
        table = read_table(path, pending["filename"])
    except ImportFileError as exc:
        _forget(request, token)
        messages.error(request, str(exc))
        return redirect("ecosystem:import_upload")
    form = MappingForm(
        request.POST or None, headers=table.headers, initial_mapping=guess_mapping(table.headers)
    )
    host_park = default_host_park_for(request.user)
    problems = check_mapping(form.mapping()) if request.method == "POST" and form.is_valid() else []
    if request.method == "POST" and form.is_valid() and not problems:
        job = jobs.start(
            import_jobs.import_organisations,
            owner=request.user,
            params={
                "stored": pending["stored"],
                "filename": pending["filename"],
                "token": token,
                "mapping": form.mapping(),
                "valid_only": form.cleaned_data["valid_only"],
                "host_park_id": host_park.pk if host_park else None,
            },
            back_url=reverse("ecosystem:import_upload"),
        )
        return redirect("core:job", job_id=job.pk)
    context = {
        "form": form,
        "token": token,
        "filename": pending["filename"],
        "table": table,
        "preview": table.preview(PREVIEW_ROWS),
        "problem": " ".join(problems),
        "host_park": host_park,
    }
    return render(request, "ecosystem/import_preview.html", context)


@login_required
@require_POST
def import_cancel(request, token: str):
    _require_permission(request)
    _forget(request, token)
    messages.info(request, _("The import was cancelled and the file deleted."))
    return redirect("ecosystem:import_upload")
