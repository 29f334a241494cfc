"""Registrations exported as CSV or Excel: what organisers hand to caterers, badges printers, funders."""

from __future__ import annotations

import io

from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.core import spreadsheets
from maillage.events.models import Event


def columns():
    return [
        _("Last name"),
        _("First name"),
        _("E-mail"),
        _("Organisation"),
        _("Country"),
        _("Job title"),
        _("Participation type"),
        _("Status"),
        _("Registered on"),
        _("Checked in at"),
        _("In the participants list"),
        _("Code"),
    ]


def rows(event: Event, registrations):
    def local(moment):
        return timezone.localtime(moment, event.zone).strftime("%Y-%m-%d %H:%M") if moment else ""

    for r in registrations:
        org = r.organisation
        yield [
            r.person.last_name,
            r.person.first_name,
            r.person.email,
            org.name if org else "",
            org.country if org else "",
            r.job_title,
            r.get_participation_type_display(),
            r.get_status_display(),
            local(r.created_at),
            local(r.checked_in_at),
            _("yes") if r.listed_publicly else _("no"),
            r.token,
        ]


FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_file(event: Event, registrations, fmt: str) -> tuple[bytes, str, str]:
    """The registrations as a file to download: (content, content type, file name)."""
    body = to_xlsx(event, registrations) if fmt == "xlsx" else to_csv(event, registrations)
    stamp = timezone.localdate().isoformat()
    return body, FORMATS[fmt], f"{event.slug}-registrations-{stamp}.{fmt}"


def to_csv(event: Event, registrations) -> bytes:
    buffer = io.StringIO()
    writer = spreadsheets.csv_writer(buffer)  # no cell runs as a formula
    writer.writerow(columns())
    writer.writerows(rows(event, registrations))
    return buffer.getvalue().encode("utf-8-sig")  # the BOM lets Excel read accents right


def to_xlsx(event: Event, registrations) -> bytes:
    # Imported here, not at the top: openpyxl takes ~0.7 s to load and only this export needs it.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Registrations")[:31]
    sheet.append(columns())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows(event, registrations):
        spreadsheets.append_row(sheet, row)
    sheet.freeze_panes = "A2"
    for column in sheet.columns:
        width = max(len(str(c.value or "")) for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 50)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
