"""The import of organisations run on a worker (``maillage.core.jobs``, "files" queue).

The file waits in MEDIA_ROOT/imports/ (see ``views``); it is deleted once imported, and kept
when nothing was imported (rows to fix) so that the uploader may go back to the mapping and
import the valid rows only."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from maillage.core.jobs import Outcome, job_kind
from maillage.ecosystem.importing.files import ImportFileError, read_table
from maillage.ecosystem.importing.organisations import run_import
from maillage.ecosystem.models import Organisation

SHOWN_ERRORS = 200


def imports_folder() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@job_kind(title=lambda: _("Import of organisations"), template="ecosystem/jobs/_import.html")
def import_organisations(job) -> Outcome:
    params = job.params
    path = imports_folder() / params["stored"]
    host_park = Organisation.objects.filter(pk=params.get("host_park_id")).first()
    try:
        if not path.exists():
            raise ImportFileError(_("The uploaded file is gone; upload it again."))
        report = run_import(
            read_table(path, params["filename"]),
            {name: column for name, column in params["mapping"].items()},
            by=job.owner,
            valid_only=params["valid_only"],
            default_host_park=host_park,
        )
    except ImportFileError as exc:
        return Outcome(summary={"problem": str(exc)}, failed=True)
    summary = report.as_dict()
    summary.update(
        error_count=len(report.errors),
        errors=summary["errors"][:SHOWN_ERRORS],
        filename=params["filename"],
        token=params["token"],
    )
    if report.applied:
        path.unlink(missing_ok=True)
    return Outcome(summary=summary, failed=not report.applied)
