"""Writing many organisations at once (imports, generated directories).

bulk_create and bulk_update bypass Organisation.save(): callers compute the derived fields
(Organisation.compute_derived_fields) and take slugs from a SlugBook.
"""

from __future__ import annotations

from functools import cache
from types import SimpleNamespace

from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.text import slugify
from unidecode import unidecode

from maillage.ecosystem import search_index
from maillage.ecosystem.models import Organisation, derived_fields

BATCH = 2000


class SlugBook:
    """Unique slugs for rows written in bulk (save() would pick them one query at a time)."""

    def __init__(self) -> None:
        self.taken = set(Organisation.objects.values_list("slug", flat=True))

    def take(self, name: str) -> str:
        base = slugify(unidecode(name))[:200] or "organisation"
        slug, n = base, 2
        while slug in self.taken:
            slug, n = f"{base}-{n}", n + 1
        self.taken.add(slug)
        return slug


def new_organisation(slugs: SlugBook, **fields) -> Organisation:
    """An unsaved organisation with its derived fields and a free slug."""
    organisation = Organisation(**fields)
    organisation.compute_derived_fields()
    organisation.slug = slugs.take(organisation.name)
    return organisation


def draft(slugs: SlugBook, **fields) -> SimpleNamespace:
    """A row to insert that is not a model instance: building 100,000 Organisation objects
    costs more than inserting them. Same defaults and derived fields as a saved organisation."""
    values = dict(_defaults())
    for name, value in fields.items():
        if name in {"host_park", "parent"}:
            values[f"{name}_id"] = value.pk if value is not None else None
        else:
            values[name] = value
    row = SimpleNamespace(**values)
    row.__dict__.update(derived_fields(row))
    row.slug = slugs.take(row.name)
    return row


@cache
def _defaults() -> dict:
    return {
        f.attname: f.get_default() for f in Organisation._meta.concrete_fields if not f.primary_key
    }


def create_with_sectors(rows: list[tuple[Organisation, list[int]]]) -> list[Organisation]:
    """Insert organisations with their sector ids, in batches; returns them with their ids.

    A parametrised INSERT run for all rows (executemany), then the ids read back by slug:
    several times faster than bulk_create, which compiles every value of every row."""
    through = Organisation.sectors.through
    meta = Organisation._meta
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    link_sql = "INSERT INTO {} ({}, {}) VALUES (%s, %s)".format(
        quote(through._meta.db_table),
        quote("organisation_id"),
        quote("sector_id"),
    )
    now = timezone.now()
    convert = _converters(fields, now)
    created: list[Organisation] = []
    for start in range(0, len(rows), BATCH):
        chunk = rows[start : start + BATCH]
        orgs = [o for o, _ in chunk]
        params = [[c(getattr(o, a)) for a, c in convert] for o in orgs]
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(sql, params)
            ids = dict(
                Organisation.objects.filter(slug__in=[o.slug for o in orgs]).values_list(
                    "slug", "id"
                )
            )
            for org in orgs:
                org.pk = ids[org.slug]
                org.created_at = org.updated_at = now
                if isinstance(org, Organisation):
                    org._state.adding, org._state.db = False, connection.alias
            links = [(o.pk, sid) for o, (_, sids) in zip(orgs, chunk, strict=True) for sid in sids]
            if links:
                cursor.executemany(link_sql, links)
            search_index.index_organisations(ids.values())
        created += orgs
    return created


def _converters(fields, now):
    """(attribute, value -> database value) per field; plain values pass through as they are
    (get_db_prep_save for every cell of 100,000 rows costs more than the INSERT itself)."""
    plain = (
        models.CharField,
        models.TextField,
        models.FloatField,
        models.IntegerField,
        models.BooleanField,
        models.ForeignKey,
    )
    stamp = Organisation._meta.get_field("created_at").get_db_prep_save(now, connection)
    result = []
    for field in fields:
        if field.name in {"created_at", "updated_at"}:
            result.append((field.attname, lambda _value, stamp=stamp: stamp))
        elif isinstance(field, plain):
            result.append((field.attname, _identity))
        else:
            result.append((field.attname, lambda v, f=field: f.get_db_prep_save(v, connection)))
    return result


def _identity(value):
    return value


def update_with_sectors(
    rows: list[tuple[Organisation, list[int] | None]], fields: list[str]
) -> None:
    """Save changed fields of existing organisations; replace the sectors where given."""
    through = Organisation.sectors.through
    for start in range(0, len(rows), BATCH):
        chunk = rows[start : start + BATCH]
        with transaction.atomic():
            _update_rows([o for o, _ in chunk], fields)
            search_index.index_organisations(o.pk for o, _ in chunk)
            resectored = [(o, sids) for o, sids in chunk if sids is not None]
            through.objects.filter(organisation_id__in=[o.pk for o, _ in resectored]).delete()
            through.objects.bulk_create(
                [
                    through(organisation_id=o.pk, sector_id=sid)
                    for o, sids in resectored
                    for sid in sids
                ]
            )


def _update_rows(organisations: list[Organisation], names: list[str]) -> None:
    """One parametrised UPDATE run for every row (executemany). QuerySet.bulk_update builds a
    CASE WHEN per field and row, which takes minutes for 10,000 rows."""
    meta = Organisation._meta
    fields = [meta.get_field(name) for name in names if name != "id"]
    quote = connection.ops.quote_name
    sql = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(meta.db_table),
        ", ".join(f"{quote(f.column)} = %s" for f in fields),
        quote(meta.pk.column),
    )
    params = [
        [f.get_db_prep_save(getattr(o, f.attname), connection) for f in fields] + [o.pk]
        for o in organisations
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
