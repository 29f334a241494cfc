"""Directory growth of a scope: organisations hosted by its parks, added in the period.

An organisation belongs to the scope when its host park is an organisation of the scope; it is
added in the period when it was created in the directory on a day of the period. By sector, an
organisation counts once in each filière (top-level sector) of its sectors — the filière of a
speciality is its parent — and in "No sector" when it has none; the rows may therefore add up
to more than ``added``.
"""

from __future__ import annotations

from django.db.models import Count
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from maillage.ecosystem.models import Organisation, Sector
from maillage.reports.figures import Count as Row
from maillage.reports.figures import DirectoryFigures
from maillage.reports.periods import Period

NO_SECTOR = "none"


def directory_figures(organisation_ids, period: Period) -> DirectoryFigures:
    first, after = period.bounds()
    hosted = Organisation.objects.filter(host_park_id__in=list(organisation_ids))
    added = hosted.filter(created_at__gte=first, created_at__lt=after)
    total = hosted.filter(created_at__lt=after).count()
    added_ids = added.values("pk")
    per_filiere = dict(
        Organisation.sectors.through.objects.filter(organisation_id__in=added_ids)
        .values_list(Coalesce("sector__parent_id", "sector_id"))
        .annotate(n=Count("organisation_id", distinct=True))
        .order_by()
    )
    added_count = added.count()
    with_sector = (
        Organisation.sectors.through.objects.filter(organisation_id__in=added_ids)
        .values("organisation_id")
        .distinct()
        .count()
    )
    sectors = {s.pk: s for s in Sector.objects.filter(pk__in=list(per_filiere))}
    rows = sorted(
        (Row(sectors[pk].code, sectors[pk].name, n) for pk, n in per_filiere.items()),
        key=lambda r: (-r.value, r.label),
    )
    if added_count - with_sector:
        rows.append(Row(NO_SECTOR, _("No sector"), added_count - with_sector))
    return DirectoryFigures(added=added_count, total=total, by_sector=tuple(rows))
