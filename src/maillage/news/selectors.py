"""Reading queries of the news app: the directory as a gazetteer, review queues."""

from __future__ import annotations

from maillage.ecosystem.models import Organisation
from maillage.ecosystem.rules import staff_organisation_ids
from maillage.news.enums import ProposalStatus
from maillage.news.extraction.gazetteer import Entry, Gazetteer
from maillage.news.models import Proposal, Source


def directory_gazetteer(*, empty: bool = False) -> Gazetteer:
    """Every directory organisation's name, aliases, kind and place, for extraction."""
    if empty:
        return Gazetteer()
    rows = Organisation.objects.values_list("id", "name", "aliases", "kind", "country", "city")
    return Gazetteer.build(
        Entry(
            id=pk,
            name=name,
            kind=kind,
            country=country,
            city=city,
            aliases=tuple(a.strip() for a in aliases.splitlines() if a.strip()),
        )
        for pk, name, aliases, kind, country, city in rows.iterator()
    )


def review_queue(user):
    """Pending proposals about the user's parks and networks (all of them for admins)."""
    pending = Proposal.objects.filter(status=ProposalStatus.PENDING).select_related(
        "article", "article__source", "same_as"
    )
    if not user.is_superuser:
        pending = pending.filter(concerns__in=staff_organisation_ids(user)).distinct()
    return pending.order_by("-confidence", "type", "id")


def sources_for(user):
    sources = Source.objects.select_related("organisation")
    return (
        sources
        if user.is_superuser
        else sources.filter(organisation__in=staff_organisation_ids(user))
    )


def source_organisations(user):
    """The parks and networks the user may add news sources for."""
    if user.is_superuser:
        return Organisation.objects.filter(kind__in=["park", "network"])
    return Organisation.objects.filter(pk__in=staff_organisation_ids(user))
