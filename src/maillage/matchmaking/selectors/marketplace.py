"""Reads of the marketplace: browse and filter an event's opportunities, one's own.

The keyword search is accent- and case-insensitive in both languages: the texts of the event's
opportunities are folded in Python (``ecosystem.text.fold``) since neither SQLite nor
PostgreSQL without extensions compares without accents; only the matching page is then loaded.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet

from maillage.ecosystem.models import Sector
from maillage.ecosystem.text import fold
from maillage.events.models import Event
from maillage.matchmaking.models import Opportunity, OpportunityReaction

PER_PAGE = 24


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    category: str = ""
    sector: str = ""  # sector code; a filière includes its specialities
    q: str = ""


def visible(event: Event, *, insider: bool) -> QuerySet[Opportunity]:
    """The event's opportunities: public ones for everyone, all of them for its participants
    and staff (``insider``)."""
    qs = Opportunity.objects.filter(participant__session__event=event)
    if not insider:
        qs = qs.filter(is_public=True)
    return qs


def with_details(qs: QuerySet[Opportunity]) -> QuerySet[Opportunity]:
    return qs.select_related(
        "participant__registration__person", "participant__registration__organisation"
    ).prefetch_related(Prefetch("sectors", queryset=Sector.objects.order_by("name_en")))


def browse(event: Event, filters: Filters, *, insider: bool, page: int | str = 1) -> Page:
    qs = visible(event, insider=insider)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.category:
        qs = qs.filter(category=filters.category)
    if filters.sector:
        qs = qs.filter(sectors__in=_sector_and_children(filters.sector)).distinct()
    words = fold(filters.q).split()
    if words:
        ids = []
        rows = qs.values_list(
            "id",
            "title",
            "description",
            "keywords",
            "participant__registration__organisation__name",
        )
        for oid, *texts in rows:
            folded = fold(" ".join(t or "" for t in texts))
            if all(w in folded for w in words):
                ids.append(oid)
        qs = Opportunity.objects.filter(id__in=ids)
    qs = with_details(qs.annotate(reaction_count=Count("reactions"))).order_by("-created_at", "-id")
    return Paginator(qs, PER_PAGE).get_page(page)


def _sector_and_children(code: str) -> list[int]:
    return list(
        Sector.objects.filter(Q(code=code) | Q(parent__code=code)).values_list("id", flat=True)
    )


def mine(participant_ids: list[int]) -> QuerySet[Opportunity]:
    """Opportunities of the given participant records, with the reactions received."""
    reactions = OpportunityReaction.objects.select_related(
        "author__registration__person", "author__registration__organisation"
    )
    return with_details(
        Opportunity.objects.filter(participant_id__in=participant_ids)
    ).prefetch_related(Prefetch("reactions", queryset=reactions))


def sectors_in_use(event: Event) -> QuerySet[Sector]:
    return (
        Sector.objects.filter(opportunities__participant__session__event=event)
        .distinct()
        .order_by("name_en")
    )
