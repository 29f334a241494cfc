"""Partnership network API: the graph of organisations tied by agreements, delegations and
network memberships that the caller may see, with each node's centrality."""

from __future__ import annotations

from ninja import Field, Query, Router, Schema

from maillage.api.errors import answers
from maillage.api.texts import Code
from maillage.ecosystem.models import Sector
from maillage.partnerships import network

router = Router(tags=["partnerships"])


class NetworkGraphOut(Schema):
    nodes: list[dict]
    edges: list[dict]


class NetworkFilters(Schema):
    kind: Code = ""
    country: Code = ""
    sector: Code = ""  # sector code
    year: int | None = Field(None, ge=1900, le=2200)


@router.get("/partnerships/network", response=answers({200: NetworkGraphOut}))
def get_network(request, filters: Query[NetworkFilters]):
    sector = Sector.objects.filter(code=filters.sector).first() if filters.sector else None
    net = network.collect(
        request.user, kind=filters.kind, country=filters.country, sector=sector, year=filters.year
    )
    graph = net.graph()
    scores = network.centrality(graph)
    nodes = [{"id": n, **dict(data), **scores[n]} for n, data in graph.nodes(data=True)]
    edges = [{"source": a, "target": b, **data} for a, b, data in graph.edges(data=True)]
    return {"nodes": nodes, "edges": edges}
