"""The partnership network as files (GraphML, Kumu's CSV in a ZIP) and seen from one park (its
partners, countries reached and centrality): what the network pages offer, with the same
filters as GET /partnerships/network and built by the same functions
(``maillage.partnerships.network``)."""

from __future__ import annotations

from ninja import Query, Router, Schema

from maillage.api.errors import answers, not_found
from maillage.api.files import file_operation, file_response
from maillage.api.network import NetworkFilters
from maillage.ecosystem.models import Organisation, Sector
from maillage.partnerships import network

router = Router(tags=["partnerships"])

GRAPHML = "application/graphml+xml"
ZIP = "application/zip"


class PartnerOut(Schema):
    id: int
    name: str
    slug: str
    kind: str
    country: str


class ParkProfileOut(Schema):
    organisation: PartnerOut
    partners: list[PartnerOut]
    countries: list[str]  # country codes reached through partners, the park's own left out
    degree: float
    betweenness: float
    rank: int | None  # by betweenness among the organisations of the network
    of: int


def _collect(request, filters: NetworkFilters) -> network.Network:
    sector = Sector.objects.filter(code=filters.sector).first() if filters.sector else None
    return network.collect(
        request.user, kind=filters.kind, country=filters.country, sector=sector, year=filters.year
    )


def _partner(o: Organisation) -> dict:
    return {"id": o.pk, "name": o.name, "slug": o.slug, "kind": o.kind, "country": o.country}


@router.get(
    "/partnerships/network/organisations/{slug}",
    response=answers({200: ParkProfileOut}, 404),
)
def park_profile(request, slug: str):
    """One organisation in the network the caller may see: its partners through agreements,
    the countries they reach and its centrality."""
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise not_found("organisation")
    profile = network.park_profile(network.collect(request.user), organisation)
    return {
        **profile,
        "organisation": _partner(organisation),
        "partners": [_partner(o) for o in profile["partners"]],
    }


@router.get(
    "/partnerships/network.graphml",
    response=answers({200: None}),
    openapi_extra=file_operation(GRAPHML),
)
def export_graphml(request, filters: Query[NetworkFilters]):
    """The network as GraphML (Gephi, yEd, Cytoscape)."""
    return file_response(
        network.graphml(_collect(request, filters)), GRAPHML, "maillage-network.graphml"
    )


@router.get(
    "/partnerships/network-kumu.zip",
    response=answers({200: None}),
    openapi_extra=file_operation(ZIP),
)
def export_kumu(request, filters: Query[NetworkFilters]):
    """The network as Kumu imports it: elements.csv and connections.csv in a ZIP."""
    return file_response(
        network.kumu_zip(_collect(request, filters)), ZIP, "maillage-network-kumu.zip"
    )
