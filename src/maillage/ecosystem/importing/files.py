"""Reading the spreadsheets park teams already have: CSV (UTF-8 with or without BOM, or
Windows-1252 as Excel writes it; ';' or ',' separated) and Excel .xlsx."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

MAX_BYTES = 20 * 1024 * 1024
EXTENSIONS = {".csv", ".txt", ".xlsx"}


class ImportFileError(ValueError):
    """The file cannot be read; the message says why and what to do."""


@dataclass
class Table:
    headers: list[str]
    # (row number as the spreadsheet shows it, cells); the header is row 1
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""

    def preview(self, count: int = 10) -> list[tuple[int, list[str]]]:
        return self.rows[:count]


def check_upload(name: str, size: int) -> None:
    if Path(name).suffix.lower() not in EXTENSIONS:
        raise ImportFileError(
            _("Send a .csv or .xlsx file; “%(name)s” is neither.") % {"name": name}
        )
    if size > MAX_BYTES:
        raise ImportFileError(
            _("The file is %(size).1f MB; the limit is 20 MB. Split it into several files.")
            % {"size": size / 1024 / 1024}
        )
    if size == 0:
        raise ImportFileError(_("The file is empty."))


def read_table(path: Path, name: str | None = None) -> Table:
    """Read a .csv or .xlsx file into a table of strings."""
    name = name or path.name
    check_upload(name, path.stat().st_size)
    if Path(name).suffix.lower() == ".xlsx":
        table = _read_xlsx(path)
    else:
        table = _read_csv(path.read_bytes())
    if not any(h.strip() for h in table.headers):
        raise ImportFileError(_("The first row must hold the column names (name, country, city…)."))
    if not table.rows:
        raise ImportFileError(_("The file has column names but no rows below them."))
    return table


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # What Excel on Windows writes for "CSV (separated by semicolons)" in Western Europe
        return data.decode("cp1252", errors="replace"), "windows-1252"


def _delimiter(sample: str) -> str:
    first_line = sample.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    except csv.Error:
        counts = {d: first_line.count(d) for d in ";,\t"}
        return max(counts, key=counts.get) if any(counts.values()) else ","


def _clean(values) -> list[str]:
    return ["" if v is None else str(v).strip() for v in values]


def _read_csv(data: bytes) -> Table:
    content, encoding = _decode(data)
    delimiter = _delimiter(content[:8192])
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as exc:
        raise ImportFileError(_("The CSV file is malformed: %(error)s.") % {"error": exc}) from exc
    return _table(records, encoding=encoding, delimiter=delimiter)


def _read_xlsx(path: Path) -> Table:
    # Imported here, not at the top: openpyxl takes ~0.7 s to load and only .xlsx files need it.
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several kinds for a file that is not a workbook
        raise ImportFileError(
            _(
                "This file cannot be opened as an Excel workbook (.xlsx); save it again from your "
                "spreadsheet program or export it as CSV."
            )
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        records = [_xlsx_cells(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    return _table(records, encoding="xlsx", delimiter="")


def _xlsx_cells(row) -> list[str]:
    cells = []
    for value in row:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        cells.append(value)
    return _clean(cells)


def _table(records: list[list[str]], *, encoding: str, delimiter: str) -> Table:
    records = [_clean(r) for r in records]
    # the header is the first non-empty row; row numbers stay those of the file
    start = next((i for i, r in enumerate(records) if any(r)), None)
    if start is None:
        raise ImportFileError(_("The file is empty."))
    headers = records[start]
    width = len(headers)
    rows = [
        (number, (cells + [""] * width)[:width])
        for number, cells in enumerate(records[start + 1 :], start=start + 2)
        if any(cells)
    ]
    return Table(headers=headers, rows=rows, encoding=encoding, delimiter=delimiter)
