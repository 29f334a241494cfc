"""Importing organisations from the spreadsheets park teams already have.

`files` reads CSV and Excel, `rows` checks each row, `organisations` guesses the column
mapping and writes in one transaction, `bulk` writes many organisations at once (imports and
generated directories), `forms` and `views` are the upload -> mapping -> result pages.
The names below are the public entry points for code (see docs/directory.md)."""

from maillage.ecosystem.importing.files import ImportFileError, read_table
from maillage.ecosystem.importing.organisations import (
    FIELDS,
    ImportReport,
    guess_mapping,
    run_import,
)
from maillage.ecosystem.importing.rows import RowError

__all__ = [
    "FIELDS",
    "ImportFileError",
    "ImportReport",
    "RowError",
    "guess_mapping",
    "read_table",
    "run_import",
]
