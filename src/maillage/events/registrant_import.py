"""Reading a spreadsheet of registrants (CSV or Excel) into checked rows.

Reading and checking never write: ``services.import_registrants`` then registers every row in
one transaction, or none when any row is wrong. Headers are recognised in English or French,
with or without accents and case.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from maillage.ecosystem import text
from maillage.ecosystem.importing import files as import_files
from maillage.ecosystem.importing.files import Table
from maillage.events.enums import ParticipationType

MAX_ROWS = 20_000

COLUMNS = {
    "email": {"email", "e mail", "mail", "courriel", "adresse e mail"},
    "first_name": {"first name", "firstname", "given name", "prenom"},
    "last_name": {"last name", "lastname", "surname", "family name", "nom", "nom de famille"},
    "organisation_name": {
        "organisation",
        "organization",
        "company",
        "entreprise",
        "structure",
        "societe",
    },
    "country": {"country", "pays", "country code"},
    "website": {"website", "web", "site", "site web", "url"},
    "job_title": {"job title", "title", "position", "fonction", "poste"},
    "participation_type": {
        "participation type",
        "type",
        "category",
        "categorie",
        "type de participant",
    },
    "phone": {"phone", "telephone", "tel"},
}
REQUIRED = ("email", "first_name", "last_name")


@dataclass
class Row:
    number: int  # as the user sees it in the spreadsheet (header is row 1)
    values: dict = field(default_factory=dict)


@dataclass
class RowError:
    number: int
    message: str

    def __str__(self) -> str:
        return _("Row %(number)s: %(message)s") % {"number": self.number, "message": self.message}


class ImportRejected(ValidationError):
    """The file cannot be imported; ``errors`` lists every bad row."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__([str(e) for e in errors])


def _header_key(raw) -> str | None:
    folded = text.fold(str(raw or ""))
    for key, names in COLUMNS.items():
        if folded in names or folded == key.replace("_", " "):
            return key
    return None


def read_table(content: bytes, filename: str) -> Table:
    """The cells of a CSV or .xlsx file, read by the directory's spreadsheet reader (encodings,
    separators and Excel quirks are handled there)."""
    suffix = Path(filename).suffix.lower()
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        handle.write(content)
        handle.flush()
        try:
            return import_files.read_table(Path(handle.name), filename)
        except import_files.ImportFileError as exc:
            raise ImportRejected([RowError(0, str(exc))]) from exc


def _country(value: str) -> str | None:
    value = value.strip()
    if text.is_country_code(value):
        return value.upper()
    try:
        return pycountry.countries.lookup(value).alpha_2
    except LookupError:
        return None


def _participation(value: str) -> str | None:
    folded = text.fold(value)
    if not folded:
        return ParticipationType.OTHER
    for choice in ParticipationType:
        if folded in (choice.value.replace("_", " "), text.fold(str(choice.label))):
            return choice.value
    return None


def check_rows(table: Table) -> list[Row]:
    """Turn the table into rows of values, or raise ImportRejected listing every problem."""
    headers = [_header_key(h) for h in table.headers]
    missing = [k for k in REQUIRED if k not in headers]
    if missing:
        raise ImportRejected(
            [
                RowError(
                    1,
                    _(
                        "Missing column(s): %(columns)s. Expected at least email, first_name and last_name."
                    )
                    % {"columns": ", ".join(missing)},
                )
            ]
        )
    if len(table.rows) > MAX_ROWS:
        raise ImportRejected(
            [
                RowError(
                    0,
                    _("Too many rows (%(count)s); import at most %(max)s at a time.")
                    % {"count": len(table.rows), "max": MAX_ROWS},
                )
            ]
        )
    rows, errors, seen = [], [], {}
    for offset, cells in table.rows:
        values = {
            k: str(cells[i] if i < len(cells) and cells[i] is not None else "").strip()
            for i, k in enumerate(headers)
            if k
        }
        problems = []
        for key in REQUIRED:
            if not values.get(key):
                problems.append(_("%(column)s is empty") % {"column": key})
        email = values.get("email", "").lower()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                problems.append(_("“%(email)s” is not a valid e-mail address") % {"email": email})
            if email in seen:
                problems.append(_("the same e-mail as row %(row)s") % {"row": seen[email]})
            seen.setdefault(email, offset)
        if values.get("organisation_name") or values.get("website"):
            country = _country(values.get("country", ""))
            if country is None:
                problems.append(
                    _("unknown country “%(value)s”; use an ISO code such as FR")
                    % {"value": values.get("country", "")}
                )
            else:
                values["country"] = country
        participation = _participation(values.get("participation_type", ""))
        if participation is None:
            problems.append(
                _("unknown participation type “%(value)s”; use one of %(choices)s")
                % {
                    "value": values["participation_type"],
                    "choices": ", ".join(ParticipationType.values),
                }
            )
        else:
            values["participation_type"] = participation
        if problems:
            errors.append(RowError(offset, "; ".join(problems)))
        else:
            values["email"] = email
            rows.append(Row(offset, values))
    if errors:
        raise ImportRejected(errors)
    return rows
