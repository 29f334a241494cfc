"""Importing organisations from a spreadsheet: guess the column mapping, check every row,
then write everything in one transaction — or nothing unless the user asked to import the
valid rows only. Importing the same file again updates the organisations it created (matched
on the website's domain, else on the name and country); blank cells leave values unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from maillage.ecosystem import text
from maillage.ecosystem.importing import bulk
from maillage.ecosystem.importing.files import ImportFileError, Table
from maillage.ecosystem.importing.rows import RowChecker, RowError
from maillage.ecosystem.models import Organisation


@dataclass(frozen=True)
class Target:
    name: str
    label: str
    synonyms: tuple[str, ...]


# What a column can feed, with the header names (folded) recognised in English and French.
FIELDS = [
    Target(
        "name",
        gettext_lazy("Name"),
        (
            "name",
            "nom",
            "organisation",
            "organization",
            "raison sociale",
            "entreprise",
            "company",
            "structure",
        ),
    ),
    Target("kind", gettext_lazy("Kind"), ("kind", "type", "categorie", "category", "nature")),
    Target("subtype", gettext_lazy("Subtype"), ("subtype", "sous type", "sous-type")),
    Target("country", gettext_lazy("Country"), ("country", "pays", "country code", "code pays")),
    Target("city", gettext_lazy("City"), ("city", "ville", "commune", "town", "localite")),
    Target("address", gettext_lazy("Address"), ("address", "adresse")),
    Target("latitude", gettext_lazy("Latitude"), ("latitude", "lat")),
    Target("longitude", gettext_lazy("Longitude"), ("longitude", "lon", "lng", "long")),
    Target(
        "website",
        gettext_lazy("Website"),
        ("website", "site web", "site", "site internet", "url", "web"),
    ),
    Target(
        "sectors",
        gettext_lazy("Sectors"),
        ("sectors", "secteurs", "sector", "secteur", "filieres", "filiere", "domaines"),
    ),
    Target(
        "description_en",
        gettext_lazy("Description (English)"),
        ("description", "description en", "description english", "description anglais"),
    ),
    Target(
        "description_fr",
        gettext_lazy("Description (French)"),
        ("description fr", "description french", "description francais"),
    ),
    Target(
        "aliases", gettext_lazy("Aliases"), ("aliases", "alias", "acronym", "sigle", "acronyme")
    ),
    Target(
        "host_park",
        gettext_lazy("Host park"),
        ("host park", "parc", "park", "technopole", "parc d accueil", "parc hote"),
    ),
    Target(
        "founded_year",
        gettext_lazy("Founding year"),
        ("founded", "founded year", "founding year", "annee de creation", "creation"),
    ),
]
FIELD_NAMES = [f.name for f in FIELDS]


def guess_mapping(headers: list[str]) -> dict[str, int | None]:
    """Field name -> column index, from the header names; each column used once."""
    folded = [text.fold(h) for h in headers]
    mapping: dict[str, int | None] = {}
    used: set[int] = set()
    for target in FIELDS:
        mapping[target.name] = None
        for synonym in target.synonyms:
            index = next((i for i, h in enumerate(folded) if h == synonym and i not in used), None)
            if index is not None:
                mapping[target.name] = index
                used.add(index)
                break
    return mapping


@dataclass
class ImportReport:
    total_rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    applied: bool = False
    valid_only: bool = False

    @property
    def skipped(self) -> list[RowError]:
        return self.errors if self.applied else []

    def as_dict(self) -> dict:
        return {
            "total_rows": self.total_rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "applied": self.applied,
            "valid_only": self.valid_only,
            "errors": [{"row": e.row, "reason": e.reason} for e in self.errors],
        }


def check_mapping(mapping: dict[str, int | None]) -> list[str]:
    problems = []
    if mapping.get("name") is None:
        problems.append(_("Choose the column that holds the organisation's name."))
    if mapping.get("country") is None:
        problems.append(_("Choose the column that holds the country."))
    columns = [c for c in mapping.values() if c is not None]
    if len(columns) != len(set(columns)):
        problems.append(_("A column is used for two fields; use each column once."))
    return problems


def run_import(
    table: Table,
    mapping: dict[str, int | None],
    *,
    by=None,
    valid_only: bool = False,
    default_host_park: Organisation | None = None,
) -> ImportReport:
    """Check every row, then write all rows (or, with valid_only, the valid ones) in one
    transaction. Nothing is written when a row is wrong and valid_only is False."""
    problems = check_mapping(mapping)
    if problems:
        raise ImportFileError(" ".join(problems))
    checker = RowChecker(table, mapping, by=by, default_host_park=default_host_park)
    checked = checker.check_all()
    report = ImportReport(total_rows=len(table.rows), errors=checker.errors, valid_only=valid_only)
    if report.errors and not valid_only:
        return report
    slugs = bulk.SlugBook()
    now = timezone.now()
    creates, updates, changed_fields = [], [], set()
    for row in checked:
        if row.existing is None:
            creates.append((bulk.new_organisation(slugs, **row.values), row.sector_ids or []))
            continue
        organisation = row.existing
        if (
            row.geocoded
            and organisation.latitude is not None
            and text.fold(organisation.city) == text.fold(row.values.get("city", ""))
        ):
            # keep precise coordinates rather than the centre of the same city
            row.values.pop("latitude"), row.values.pop("longitude")
        changed = {k for k, v in row.values.items() if _current(organisation, k) != _comparable(v)}
        sectors_changed = (
            row.sector_ids is not None and set(row.sector_ids) != row.existing_sector_ids
        )
        if not changed and not sectors_changed:
            report.unchanged += 1
            continue
        for name in changed:
            setattr(organisation, name, row.values[name])
        organisation.compute_derived_fields()
        organisation.updated_at = now
        changed_fields |= changed
        updates.append((organisation, row.sector_ids if sectors_changed else None))
    with transaction.atomic():
        bulk.create_with_sectors(creates)
        if updates:
            derived = {"website_domain", "name_key", "search_text", "country", "updated_at"}
            bulk.update_with_sectors(updates, sorted(changed_fields | derived))
    report.created, report.updated, report.applied = len(creates), len(updates), True
    return report


def _current(organisation: Organisation, name: str):
    return organisation.host_park_id if name == "host_park" else getattr(organisation, name)


def _comparable(value):
    return value.pk if isinstance(value, Organisation) else value


def default_host_park_for(user) -> Organisation | None:
    """Organisations imported by a park's staff are located in that park unless a row says."""
    if user is None or not user.is_authenticated:
        return None
    return user.staff_of.filter(kind="park").order_by("pk").first()
