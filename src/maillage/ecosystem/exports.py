"""Exports of a directory search: CSV streamed row by row, Excel capped at XLSX_CAP rows."""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from maillage.core import spreadsheets
from maillage.ecosystem.countries import country_name
from maillage.ecosystem.enums import OrganisationKind, OrganisationSubtype
from maillage.ecosystem.models import Organisation

XLSX_CAP = 20_000
CHUNK = 900  # rows per sector query: under the 999 parameters of older SQLite


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
    """Export rows from plain tuples, with the sectors of each chunk in one query: building
    model instances (organisation, host park, sectors) cost most of the time of an export."""
    rows = qs.values_list(
        "pk",
        "name",
        "slug",
        "kind",
        "subtype",
        "country",
        "city",
        "address",
        "website",
        "host_park__name",
        "latitude",
        "longitude",
    )
    kinds = dict(OrganisationKind.choices)
    subtypes = {"": "", **dict(OrganisationSubtype.choices)}
    countries: dict[str, str] = {}
    page = reverse("ecosystem:organisation", kwargs={"slug": "slug-placeholder"})
    chunk: list[tuple] = []

    def flush() -> Iterator[list]:
        codes: dict[int, list[str]] = defaultdict(list)
        tagged = Organisation.sectors.through.objects.filter(
            organisation_id__in=[row[0] for row in chunk]
        ).order_by("sector__code")
        for org_id, code in tagged.values_list("organisation_id", "sector__code"):
            codes[org_id].append(code)
        for pk, name, slug, kind, subtype, country, city, address, website, park, lat, lon in chunk:
            if country not in countries:
                countries[country] = country_name(country)
            yield [
                name,
                str(kinds.get(kind, kind)),
                str(subtypes.get(subtype, subtype)),
                country,
                countries[country],
                city,
                address,
                website,
                "; ".join(codes[pk]),
                park or "",
                "" if lat is None else lat,
                "" if lon is None else lon,
                base_url + page.replace("slug-placeholder", slug),
            ]
        chunk.clear()

    for row in rows.iterator(chunk_size=CHUNK):
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield from flush()
    if chunk:
        yield from flush()


class _Echo:
    def write(self, value: str) -> str:
        return value


def file_name(extension: str) -> str:
    return f"directory-{timezone.localdate().isoformat()}.{extension}"


def csv_lines(qs: QuerySet[Organisation], base_url: str) -> Iterable[str]:
    """The CSV file line by line (UTF-8 with a BOM so that spreadsheets read the accents)."""
    writer = spreadsheets.csv_writer(_Echo())  # no cell runs as a formula
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
        spreadsheets.append_row(ws, row)
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
