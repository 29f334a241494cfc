"""Files of an event's registrations for its organisers: the export (CSV or Excel), the import
of registrants from a spreadsheet, and name badges (a PDF made on a worker).

The import is the one of the registrations page (``services.import_registrants``): all or
nothing, every bad row listed in a 422 answer (one error per row, saying its number).
"""

from __future__ import annotations

from typing import Literal

from django.http import HttpResponse
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers
from maillage.api.event_access import managed_event
from maillage.api.event_schemas import RegistrationOut
from maillage.api.jobs import JobOut, accepted
from maillage.events import exports, selectors, services
from maillage.events import jobs as event_jobs

router = Router(tags=["events"])

FILE_DOC = {
    "description": "The registrations as a spreadsheet.",
    "content": {ctype: {} for ctype in exports.FORMATS.values()},
}


class RegistrantImportOut(Schema):
    created: int
    registrations: list[RegistrationOut]


class BadgesIn(Schema):
    layout: Literal["a6", "a4"] = "a6"


@router.get(
    "/events/{slug}/registrations/export",
    response=answers({200: None}, 403, 404),
    openapi_extra={"responses": {"200": FILE_DOC}},
    summary="The registrations as CSV or Excel",
)
def export(request, slug: str, format: Literal["csv", "xlsx"] = "csv"):  # noqa: A002
    event = managed_event(request, slug, "events.manage_registrations")
    body, ctype, filename = exports.export_file(event, selectors.registrations(event), format)
    response = HttpResponse(body, content_type=ctype)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@router.post(
    "/events/{slug}/registrations/import",
    response=answers({201: RegistrantImportOut}, 401, 403, 404),
    auth=WRITE_AUTH,
    summary="Register every row of a spreadsheet, all or nothing",
)
def import_registrants(request, slug: str, file: File[UploadedFile], notify: bool = Form(False)):
    """Columns: email, first_name, last_name, organisation, country, website, job_title,
    participation_type (English or French headers). With ``notify``, each registrant gets the
    registration e-mail."""
    event = managed_event(request, slug, "events.manage_registrations")
    created = services.import_registrants(
        event=event, content=file.read(), filename=file.name or "", by=request.user, notify=notify
    )
    return Status(201, {"created": len(created), "registrations": created})


@router.post(
    "/events/{slug}/badges",
    response=answers({202: JobOut}, 401, 403, 404),
    auth=WRITE_AUTH,
    summary="Ask for the badges PDF of the confirmed registrants (a job)",
)
def badges(request, slug: str, payload: BadgesIn):
    event = managed_event(request, slug, "events.manage_registrations")
    return accepted(event_jobs.start_badges(event=event, layout=payload.layout, owner=request.user))
