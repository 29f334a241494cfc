"""Writing many organisations at once (imports, generated directories).

bulk_create and bulk_update bypass Organisation.save(): callers compute the derived fields
(Organisation.compute_derived_fields) and take slugs from a SlugBook.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify
from unidecode import unidecode

from maillage.ecosystem.models import Organisation

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


def create_with_sectors(rows: list[tuple[Organisation, list[int]]]) -> list[Organisation]:
    """Insert organisations with their sector ids, in batches; returns them with their ids."""
    through = Organisation.sectors.through
    created: list[Organisation] = []
    for start in range(0, len(rows), BATCH):
        chunk = rows[start:start + BATCH]
        with transaction.atomic():
            orgs = Organisation.objects.bulk_create([o for o, _ in chunk])
            through.objects.bulk_create([
                through(organisation_id=o.pk, sector_id=sid)
                for o, (_, sids) in zip(orgs, chunk, strict=True) for sid in sids
            ])
        created += orgs
    return created


def update_with_sectors(rows: list[tuple[Organisation, list[int] | None]], fields: list[str]) -> None:
    """Save changed fields of existing organisations; replace the sectors where given."""
    through = Organisation.sectors.through
    for start in range(0, len(rows), BATCH):
        chunk = rows[start:start + BATCH]
        with transaction.atomic():
            Organisation.objects.bulk_update([o for o, _ in chunk], fields)
            resectored = [(o, sids) for o, sids in chunk if sids is not None]
            through.objects.filter(organisation_id__in=[o.pk for o, _ in resectored]).delete()
            through.objects.bulk_create([
                through(organisation_id=o.pk, sector_id=sid) for o, sids in resectored for sid in sids
            ])
