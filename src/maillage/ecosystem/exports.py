"""Exports of a directory search: CSV streamed row by row, Excel capped at XLSX_CAP rows."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from maillage.ecosystem.countries import country_name
from maillage.ecosystem.models import Organisation, Sector

XLSX_CAP = 20_000
CHUNK = 2_000


def columns() -> list[str]:
    return [
        _("Name"),
        _("Kind"),
        _("Subtype"),
        _("Country code"),
        _("Country"),
        _("City"),
        _("Address"),
        _("Website"),
        _("Sectors"),
        _("Host park"),
        _("Latitude"),
        _("Longitude"),
        _("Directory page"),
    ]


def _rows(qs: QuerySet[Organisation], base_url: str) -> Iterator[list]:
    qs = qs.select_related("host_park").prefetch_related(
        Prefetch("sectors", queryset=Sector.objects.order_by("code"))
    )
    for org in qs.iterator(chunk_size=CHUNK):
        yield [
            org.name,
            org.get_kind_display(),
            org.get_subtype_display() if org.subtype else "",
            org.country,
            country_name(org.country),
            org.city,
            org.address,
            org.website,
            "; ".join(s.code for s in org.sectors.all()),
            org.host_park.name if org.host_park_id else "",
            org.latitude if org.latitude is not None else "",
            org.longitude if org.longitude is not None else "",
            base_url + org.get_absolute_url(),
        ]


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(qs: QuerySet[Organisation], base_url: str) -> Iterable[str]:
    """The CSV file line by line (UTF-8 with a BOM so that spreadsheets read the accents)."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(columns())
    for row in _rows(qs, base_url):
        yield writer.writerow(row)


def xlsx_bytes(
    qs: QuerySet[Organisation], base_url: str, cap: int = XLSX_CAP
) -> tuple[bytes, bool]:
    """The Excel workbook and whether the search had more rows than the cap."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_("Organisations"))
    bold = Font(bold=True)
    header = []
    for title in columns():
        cell = WriteOnlyCell(ws, value=title)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    truncated = False
    for n, row in enumerate(_rows(qs[: cap + 1], base_url)):
        if n == cap:
            truncated = True
            break
        ws.append(row)
    if truncated:
        note = wb.create_sheet(_("Note"))
        note.append(
            [
                _(
                    "This workbook holds the first %(cap)s organisations of the search only. Narrow the "
                    "search with filters, or export it as CSV, which has no limit."
                )
                % {"cap": cap}
            ]
        )
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue(), truncated
