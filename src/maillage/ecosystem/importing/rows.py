"""Checking the rows of an import: each error names the row and says what to fix."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import translation
from django.utils.translation import gettext as _

from maillage.ecosystem import places, text
from maillage.ecosystem.enums import SUBTYPES_BY_KIND, OrganisationKind, OrganisationSubtype
from maillage.ecosystem.models import Organisation, Sector

K, S = OrganisationKind, OrganisationSubtype
# Words people write in a "type" column, folded -> (kind, subtype)
KIND_WORDS: dict[str, tuple[str, str]] = {
    "entreprise": (K.COMPANY, ""),
    "societe": (K.COMPANY, ""),
    "startup": (K.COMPANY, S.STARTUP),
    "start up": (K.COMPANY, S.STARTUP),
    "jeune pousse": (K.COMPANY, S.STARTUP),
    "pme": (K.COMPANY, S.SME),
    "sme": (K.COMPANY, S.SME),
    "eti": (K.COMPANY, S.SME),
    "grand groupe": (K.COMPANY, S.LARGE_GROUP),
    "large group": (K.COMPANY, S.LARGE_GROUP),
    "laboratoire": (K.LAB, ""),
    "laboratory": (K.LAB, ""),
    "labo": (K.LAB, ""),
    "ecole": (K.SCHOOL, ""),
    "universite": (K.SCHOOL, S.UNIVERSITY),
    "university": (K.SCHOOL, S.UNIVERSITY),
    "ecole d ingenieurs": (K.SCHOOL, S.ENGINEERING_SCHOOL),
    "engineering school": (K.SCHOOL, S.ENGINEERING_SCHOOL),
    "incubateur": (K.INCUBATOR, S.INCUBATOR),
    "accelerateur": (K.INCUBATOR, S.ACCELERATOR),
    "pepiniere": (K.INCUBATOR, S.NURSERY),
    "parc": (K.PARK, ""),
    "technopole": (K.PARK, S.TECHNOPOLE),
    "parc scientifique": (K.PARK, S.SCIENCE_PARK),
    "pole de competitivite": (K.CLUSTER, ""),
    "investisseur": (K.INVESTOR, ""),
    "fonds": (K.INVESTOR, S.VENTURE_CAPITAL),
    "collectivite": (K.PUBLIC_BODY, S.LOCAL_AUTHORITY),
    "agence": (K.PUBLIC_BODY, S.AGENCY),
    "organisme public": (K.PUBLIC_BODY, ""),
    "reseau": (K.NETWORK, ""),
    "association": (K.NETWORK, ""),
}
TEXT_LIMITS = {
    f.name: f.max_length
    for f in Organisation._meta.concrete_fields
    if getattr(f, "max_length", None)
}
_SPLIT = re.compile(r"[;,|/\n]+")
_url = URLValidator()


@dataclass(frozen=True)
class RowError:
    row: int
    reason: str


@dataclass
class CheckedRow:
    row: int
    values: dict
    sector_ids: list[int] | None
    existing: Organisation | None = None
    existing_sector_ids: set[int] = field(default_factory=set)
    geocoded: bool = False  # coordinates taken from the city, not from the file


def _kind_index() -> dict[str, tuple[str, str]]:
    index = dict(KIND_WORDS)
    for language in ("en", "fr"):
        with translation.override(language):
            for value, label in K.choices:
                index.setdefault(text.fold(str(label)), (value, ""))
            for value, label in S.choices:
                kind = next((k for k, subs in SUBTYPES_BY_KIND.items() if value in subs), None)
                if kind:
                    index.setdefault(text.fold(str(label)), (kind, value))
    for value in K.values:
        index[text.fold(value)] = (value, "")
    return index


def _number(raw: str) -> float:
    return float(raw.replace(",", ".").replace("\u00a0", "").strip())


class RowChecker:
    def __init__(self, table, mapping, *, by=None, default_host_park=None) -> None:
        self.table, self.mapping, self.by = table, mapping, by
        self.default_host_park = default_host_park
        self.errors: list[RowError] = []
        self.kinds = _kind_index()
        sectors = list(Sector.objects.all())
        self.sectors = {s.code: s for s in sectors}
        for s in sectors:
            self.sectors.setdefault(text.fold(s.name_en), s)
            self.sectors.setdefault(text.fold(s.name_fr), s)
        parks = Organisation.objects.filter(kind=K.PARK).only(
            "id", "name", "slug", "name_key", "aliases"
        )
        self.parks: dict[str, Organisation] = {}
        for park in parks:
            for key in [park.name_key, park.slug, *map(text.fold, park.alias_list)]:
                self.parks.setdefault(key, park)

    def cell(self, cells: list[str], name: str) -> str:
        index = self.mapping.get(name)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    def fail(self, row: int, reason: str) -> None:
        self.errors.append(RowError(row, reason))

    def check_all(self) -> list[CheckedRow]:
        rows: list[CheckedRow] = []
        seen_keys: dict[tuple[str, str], int] = {}
        seen_domains: dict[str, int] = {}
        for number, cells in self.table.rows:
            before = len(self.errors)
            row = self.check(number, cells)
            if row is None or len(self.errors) > before:
                continue
            key = (row.values["country"], text.name_key(row.values["name"]))
            domain = text.website_domain(row.values.get("website", ""))
            first = seen_keys.get(key) or (seen_domains.get(domain) if domain else None)
            if first:
                self.fail(
                    number,
                    _(
                        "Same organisation as row %(first)d (same name and country, or "
                        "same website); keep one of the two rows."
                    )
                    % {"first": first},
                )
                continue
            seen_keys[key] = number
            if domain:
                seen_domains[domain] = number
            rows.append(row)
        self._match_existing(rows)
        return rows

    def check(self, number: int, cells: list[str]) -> CheckedRow | None:
        values: dict = {}
        name = self.cell(cells, "name")
        if not name:
            self.fail(number, _("The name is missing."))
            return None
        values["name"] = name
        try:
            values["country"] = places.country_code(self.cell(cells, "country"))
        except places.PlaceError as exc:
            self.fail(number, str(exc))
            return None
        self._kind(number, cells, values)
        for name_ in ("city", "address", "aliases", "description_en", "description_fr"):
            if value := self.cell(cells, name_):
                values[name_] = value.replace(" | ", "\n") if name_ == "aliases" else value
        self._website(number, cells, values)
        self._coordinates(number, cells, values)
        self._host_park(number, cells, values)
        self._founded(number, cells, values)
        sector_ids = self._sectors(number, cells)
        self._model_rules(number, values)
        geocoded = "latitude" in values and not self.cell(cells, "latitude")
        return CheckedRow(number, values, sector_ids, geocoded=geocoded)

    def _kind(self, number, cells, values) -> None:
        raw, raw_sub = self.cell(cells, "kind"), self.cell(cells, "subtype")
        if not raw:
            return
        found = self.kinds.get(text.fold(raw))
        if found is None:
            self.fail(
                number,
                _("Unknown kind “%(value)s”; use one of: %(choices)s.")
                % {"value": raw, "choices": ", ".join(K.values)},
            )
            return
        values["kind"], values["subtype"] = found
        if raw_sub:
            sub = self.kinds.get(text.fold(raw_sub))
            if sub is None or sub[1] not in SUBTYPES_BY_KIND.get(found[0], set()):
                self.fail(
                    number,
                    _("The subtype “%(value)s” does not fit the kind “%(kind)s”.")
                    % {"value": raw_sub, "kind": raw},
                )
            else:
                values["subtype"] = sub[1]

    def _website(self, number, cells, values) -> None:
        raw = self.cell(cells, "website")
        if not raw:
            return
        url = raw if "://" in raw else f"https://{raw}"
        try:
            _url(url)
        except ValidationError:
            self.fail(number, _("The website “%(value)s” is not a valid address.") % {"value": raw})
            return
        values["website"] = url

    def _coordinates(self, number, cells, values) -> None:
        lat, lon = self.cell(cells, "latitude"), self.cell(cells, "longitude")
        if lat or lon:
            try:
                latitude, longitude = _number(lat), _number(lon)
            except ValueError:
                self.fail(
                    number,
                    _(
                        "Invalid coordinates “%(lat)s, %(lon)s”: give both latitude and "
                        "longitude as decimal numbers, such as 43.34, 5.43."
                    )
                    % {"lat": lat, "lon": lon},
                )
                return
            if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
                self.fail(
                    number,
                    _(
                        "Invalid coordinates “%(lat)s, %(lon)s”: the latitude goes from "
                        "-90 to 90 and the longitude from -180 to 180."
                    )
                    % {"lat": lat, "lon": lon},
                )
                return
            values["latitude"], values["longitude"] = latitude, longitude
        elif values.get("city"):
            city = places.find_city(values["city"], values["country"])
            if city is None:
                self.fail(
                    number,
                    _(
                        "Unknown city “%(city)s” in %(country)s; check the spelling "
                        "or give the latitude and longitude."
                    )
                    % {"city": values["city"], "country": places.country_name(values["country"])},
                )
                return
            values["latitude"], values["longitude"] = city.latitude, city.longitude

    def _host_park(self, number, cells, values) -> None:
        raw = self.cell(cells, "host_park")
        if not raw:
            return
        park = self.parks.get(text.fold(raw)) or self.parks.get(raw)
        if park is None:
            self.fail(
                number,
                _(
                    "Unknown host park “%(value)s”; write the park's name as it appears "
                    "in the directory."
                )
                % {"value": raw},
            )
            return
        values["host_park"] = park

    def _founded(self, number, cells, values) -> None:
        raw = self.cell(cells, "founded_year")
        if not raw:
            return
        try:
            values["founded_year"] = int(_number(raw))
        except ValueError:
            self.fail(number, _("The founding year “%(value)s” is not a year.") % {"value": raw})

    def _sectors(self, number, cells) -> list[int] | None:
        raw = self.cell(cells, "sectors")
        if not raw:
            return None
        ids, unknown = [], []
        for part in filter(None, (p.strip() for p in _SPLIT.split(raw))):
            sector = (
                self.sectors.get(part)
                or self.sectors.get(text.fold(part))
                or self._sector_by_word(part)
            )
            if sector is None:
                unknown.append(part)
            elif sector.pk not in ids:
                ids.append(sector.pk)
        if unknown:
            self.fail(
                number,
                _(
                    "Unknown sector(s): %(values)s; use the sector names or codes of the "
                    "directory (such as medtech, ai, solar)."
                )
                % {"values": ", ".join(unknown)},
            )
        return ids

    def _sector_by_word(self, value: str) -> Sector | None:
        """'Solaire' -> 'Énergie solaire' when exactly one sector name contains that word."""
        word = f" {text.fold(value)} "
        found = {s.pk: s for key, s in self.sectors.items() if word in f" {key} "}
        return next(iter(found.values())) if len(found) == 1 else None

    def _model_rules(self, number, values) -> None:
        """The model's limits not checked above (lengths, year range); cheaper than full_clean,
        which costs a third of the time of a 10,000-row import."""
        for name, value in values.items():
            limit = TEXT_LIMITS.get(name)
            if limit and isinstance(value, str) and len(value) > limit:
                self.fail(
                    number,
                    _("The %(field)s is too long (%(length)d characters, at most %(limit)d).")
                    % {
                        "field": Organisation._meta.get_field(name).verbose_name,
                        "length": len(value),
                        "limit": limit,
                    },
                )
        year = values.get("founded_year")
        if year is not None and not 1000 <= year <= 2100:
            self.fail(number, _("The founding year “%(value)s” is not a year.") % {"value": year})

    def _match_existing(self, rows: list[CheckedRow]) -> None:
        """Find the organisations already in the directory: same website domain, else same
        name and country. Rows without kind need one: new organisations default to company."""
        domains = {text.website_domain(r.values.get("website", "")) for r in rows} - {""}
        names = {text.name_key(r.values["name"]) for r in rows}
        by_domain, by_key = {}, {}
        for chunk in _chunks(sorted(domains)):
            for org in Organisation.objects.filter(website_domain__in=chunk).order_by("pk"):
                by_domain.setdefault(org.website_domain, org)
        for chunk in _chunks(sorted(names)):
            for org in Organisation.objects.filter(name_key__in=chunk).order_by("pk"):
                by_key.setdefault((org.country, org.name_key), org)
        matched = []
        for row in rows:
            domain = text.website_domain(row.values.get("website", ""))
            existing = by_domain.get(domain) if domain else None
            existing = existing or by_key.get(
                (row.values["country"], text.name_key(row.values["name"]))
            )
            if existing is None:
                row.values.setdefault("kind", K.COMPANY)
                if "host_park" not in row.values and self.default_host_park is not None:
                    row.values["host_park"] = self.default_host_park
                continue
            if self.by is not None and not self.by.has_perm(
                "ecosystem.change_organisation", existing
            ):
                self.fail(
                    row.row,
                    _(
                        "“%(name)s” is already in the directory and your park or network "
                        "does not manage it; remove this row or ask its park to update it."
                    )
                    % {"name": existing.name},
                )
                continue
            row.existing = existing
            matched.append(row)
        through = Organisation.sectors.through
        current: dict[int, set[int]] = {}
        for chunk in _chunks([r.existing.pk for r in matched]):
            for org_id, sector_id in through.objects.filter(organisation_id__in=chunk).values_list(
                "organisation_id", "sector_id"
            ):
                current.setdefault(org_id, set()).add(sector_id)
        for row in matched:
            row.existing_sector_ids = current.get(row.existing.pk, set())
        failed = {e.row for e in self.errors}
        rows[:] = [r for r in rows if r.row not in failed]
        self.errors.sort(key=lambda e: e.row)


def _chunks(items: list, size: int = 900):
    for start in range(0, len(items), size):
        yield items[start : start + size]
