"""The network of organisations: agreements and memberships as edges, with filters,
centrality (networkx), a spring layout for the graph view and exports (GraphML, Kumu CSV)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

import networkx as nx
from django.db.models import Q
from django.utils.translation import gettext as _

from maillage.core import spreadsheets
from maillage.ecosystem.models import Membership, Organisation
from maillage.partnerships.enums import AgreementKind
from maillage.partnerships.models import Agreement
from maillage.partnerships.selectors import visible_agreements

MEMBERSHIP = "membership"


def known_from_news(agreement_ids) -> set[int]:
    """Those of these agreements accepted from a news article (the news app's source links,
    reached through their reverse relation: partnerships never imports the news app)."""
    ids = [pk for pk in agreement_ids if pk]
    if not ids or not hasattr(Agreement, "news_facts"):
        return set()
    return set(
        Agreement.objects.filter(pk__in=ids, news_facts__isnull=False)
        .values_list("pk", flat=True)
        .distinct()
    )


@dataclass(frozen=True)
class Relation:
    source: int
    target: int
    type: str  # an AgreementKind value or "membership"
    label: str
    year: int | None
    agreement_id: int | None = None


@dataclass
class Network:
    organisations: dict[int, Organisation] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)

    def graph(self) -> nx.Graph:
        g = nx.Graph()
        for org in self.organisations.values():
            g.add_node(
                org.pk,
                label=org.name,
                kind=org.kind,
                country=org.country,
                city=org.city,
                latitude=org.latitude if org.latitude is not None else "",
                longitude=org.longitude if org.longitude is not None else "",
            )
        for rel in self.relations:
            if g.has_edge(rel.source, rel.target):
                data = g.edges[rel.source, rel.target]
                data["weight"] += 1
                data["types"] = ";".join(sorted(set(data["types"].split(";")) | {rel.type}))
                data["labels"] += " | " + rel.label
            else:
                g.add_edge(rel.source, rel.target, weight=1, types=rel.type, labels=rel.label)
        return g


def type_label(value: str) -> str:
    return _("Membership") if value == MEMBERSHIP else str(AgreementKind(value).label)


def collect(
    user, *, kind: str = "", country: str = "", sector=None, year: int | None = None
) -> Network:
    """Relations the user may see, filtered. `kind` is an agreement kind or "membership"."""
    net = Network()
    country = (country or "").upper()
    if kind != MEMBERSHIP:
        agreements = visible_agreements(user)  # parties and their organisations prefetched
        if kind:
            agreements = agreements.filter(kind=kind)
        if sector is not None:
            agreements = agreements.filter(Q(domains=sector) | Q(domains__parent=sector)).distinct()
        for agreement in agreements:
            if year and agreement.year != year:
                continue
            orgs = [p.organisation for p in agreement.parties.all()]
            if country and not any(o.country == country for o in orgs):
                continue
            for i, a in enumerate(orgs):
                net.organisations[a.pk] = a
                for b in orgs[i + 1 :]:
                    net.relations.append(
                        Relation(
                            a.pk,
                            b.pk,
                            agreement.kind,
                            agreement.title,
                            agreement.year,
                            agreement.pk,
                        )
                    )
    if not kind or kind == MEMBERSHIP:
        memberships = Membership.objects.select_related("network", "member")
        if country:
            memberships = memberships.filter(
                Q(member__country=country) | Q(network__country=country)
            )
        if sector is not None:
            memberships = memberships.filter(
                Q(member__sectors=sector) | Q(member__sectors__parent=sector)
            ).distinct()
        if year:
            memberships = memberships.filter(
                Q(since__isnull=True) | Q(since__year__lte=year)
            ).filter(Q(until__isnull=True) | Q(until__year__gte=year))
        for m in memberships:
            net.organisations[m.member_id] = m.member
            net.organisations[m.network_id] = m.network
            net.relations.append(
                Relation(
                    m.member_id,
                    m.network_id,
                    MEMBERSHIP,
                    str(m.network),
                    m.since.year if m.since else None,
                )
            )
    return net


def centrality(graph: nx.Graph) -> dict[int, dict[str, float]]:
    degree = nx.degree_centrality(graph) if len(graph) > 1 else dict.fromkeys(graph, 0.0)
    between = nx.betweenness_centrality(graph) if len(graph) > 2 else dict.fromkeys(graph, 0.0)
    return {n: {"degree": round(degree[n], 3), "betweenness": round(between[n], 3)} for n in graph}


def park_profile(net: Network, organisation: Organisation) -> dict:
    """Partners through agreements, countries reached and centrality of one organisation."""
    partners = {}
    for rel in net.relations:
        if rel.type == MEMBERSHIP:
            continue
        if rel.source == organisation.pk:
            partners[rel.target] = net.organisations[rel.target]
        elif rel.target == organisation.pk:
            partners[rel.source] = net.organisations[rel.source]
    graph = net.graph()
    all_scores = centrality(graph)
    scores = all_scores.get(organisation.pk, {"degree": 0.0, "betweenness": 0.0})
    ranking = sorted(
        graph.nodes, key=lambda n: (-all_scores[n]["betweenness"], -all_scores[n]["degree"])
    )
    return {
        "partners": sorted(partners.values(), key=lambda o: o.name),
        "countries": sorted(
            {
                o.country
                for o in partners.values()
                if o.country and o.country != organisation.country
            }
        ),
        "degree": scores["degree"],
        "betweenness": scores["betweenness"],
        "rank": ranking.index(organisation.pk) + 1 if organisation.pk in graph else None,
        "of": len(ranking),
    }


def layout(
    graph: nx.Graph, *, width: int = 900, height: int = 600, margin: int = 60
) -> dict[int, tuple[float, float]]:
    """Spring layout scaled to an SVG canvas; seeded so the picture is stable between visits."""
    if not graph:
        return {}
    # A spacing twice networkx's default keeps labels of close partners apart.
    pos = nx.spring_layout(graph, seed=42, k=2 / len(graph) ** 0.5, iterations=100)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
    return {
        n: (
            margin + (x - min(xs)) / span_x * (width - 2 * margin),
            margin + (y - min(ys)) / span_y * (height - 2 * margin),
        )
        for n, (x, y) in pos.items()
    }


def graphml(net: Network) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(net.graph(), buffer)
    return buffer.getvalue()


def kumu_zip(net: Network) -> bytes:
    """elements.csv and connections.csv in the columns Kumu imports (Label, Type, Description,
    Tags; From, To, Type), in a ZIP."""
    elements, connections = io.StringIO(), io.StringIO()
    w = spreadsheets.csv_writer(elements)  # no cell runs as a formula
    w.writerow(["Label", "Type", "Description", "Tags", "Country", "City"])
    for org in sorted(net.organisations.values(), key=lambda o: o.name):
        w.writerow(
            [org.name, org.get_kind_display(), org.description, org.kind, org.country, org.city]
        )
    w = spreadsheets.csv_writer(connections)
    w.writerow(["From", "To", "Type", "Label", "Year"])
    for rel in net.relations:
        w.writerow(
            [
                net.organisations[rel.source].name,
                net.organisations[rel.target].name,
                type_label(rel.type),
                rel.label,
                rel.year or "",
            ]
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("elements.csv", elements.getvalue())
        z.writestr("connections.csv", connections.getvalue())
    return buffer.getvalue()
