"""Directory growth of a scope: organisations hosted by its parks, added in the period.

An organisation belongs to the scope when its host park is an organisation of the scope; it is
added in the period when it was created in the directory on a day of the period. By sector, an
organisation counts once in each filière (top-level sector) of its sectors — the filière of a
speciality is its parent — and in "No sector" when it has none; the rows may therefore add up
to more than ``added``.
"""

from __future__ import annotations

from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from maillage.ecosystem.models import Organisation, Sector
from maillage.reports.figures.types import Count as Row
from maillage.reports.figures.types import DirectoryFigures
from maillage.reports.periods import Period

NO_SECTOR = "none"


def directory_figures(organisation_ids, period: Period) -> DirectoryFigures:
    first, after = period.bounds()
    hosted = Organisation.objects.filter(host_park_id__in=list(organisation_ids))
    in_period = Q(created_at__gte=first, created_at__lt=after)
    counts = hosted.aggregate(
        added=Count("id", filter=in_period), total=Count("id", filter=Q(created_at__lt=after))
    )
    # One grouped query (organisations left-joined to their sectors): the filière of each
    # sector, and None for the organisations without any.
    per_filiere = (
        dict(
            hosted.filter(in_period)
            .values_list(Coalesce("sectors__parent_id", "sectors__id"))
            .annotate(n=Count("id", distinct=True))
            .order_by()
        )
        if counts["added"]
        else {}
    )
    without_sector = per_filiere.pop(None, 0)
    sectors = {s.pk: s for s in Sector.objects.filter(pk__in=list(per_filiere))}
    rows = sorted(
        (Row(sectors[pk].code, sectors[pk].name, n) for pk, n in per_filiere.items()),
        key=lambda r: (-r.value, r.label),
    )
    if without_sector:
        rows.append(Row(NO_SECTOR, _("No sector"), without_sector))
    return DirectoryFigures(added=counts["added"], total=counts["total"], by_sector=tuple(rows))
