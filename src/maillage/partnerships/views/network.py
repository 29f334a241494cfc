"""The network map (Leaflet), the graph (server-side SVG), a park's profile and exports."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from maillage.ecosystem.enums import OrganisationKind
from maillage.ecosystem.models import Organisation
from maillage.partnerships import forms, network


def _collect(request):
    form = forms.NetworkFilterForm(request.GET or None)
    filters = {}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = {
            "kind": data["kind"] or "",
            "country": data["country"] or "",
            "sector": data["sector"],
            "year": data["year"],
        }
    return form, network.collect(request.user, **filters)


def network_map(request):
    form, net = _collect(request)
    graph = net.graph()
    scores = network.centrality(graph)
    positions = network.layout(graph)
    orgs = net.organisations
    from_news = network.known_from_news(r.agreement_id for r in net.relations)
    nodes = [
        {
            "id": o.pk,
            "name": o.name,
            "kind": o.kind,
            "country": o.country,
            "lat": o.latitude,
            "lon": o.longitude,
            "url": o.get_absolute_url(),
            "profile": reverse("partnerships:park_profile", kwargs={"slug": o.slug}),
            "degree": scores[o.pk]["degree"],
            "betweenness": scores[o.pk]["betweenness"],
            "x": round(positions[o.pk][0], 1),
            "y": round(positions[o.pk][1], 1),
        }
        for o in sorted(orgs.values(), key=lambda o: o.name)
    ]
    edges = [
        {
            "a": a,
            "b": b,
            "types": data["types"],
            "label": data["labels"],
            "membership": data["types"] == network.MEMBERSHIP,
            "x1": round(positions[a][0], 1),
            "y1": round(positions[a][1], 1),
            "x2": round(positions[b][0], 1),
            "y2": round(positions[b][1], 1),
        }
        for a, b, data in graph.edges(data=True)
    ]
    return render(
        request,
        "partnerships/network.html",
        {
            "form": form,
            "kinds": OrganisationKind,
            "nodes": nodes,
            "edges": edges,
            "query": request.GET.urlencode(),
            "relations": [
                {
                    "a": orgs[r.source].name,
                    "b": orgs[r.target].name,
                    "type": network.type_label(r.type),
                    "label": r.label,
                    "year": r.year,
                    "agreement_id": r.agreement_id,
                    "from_news": r.agreement_id in from_news,
                }
                for r in net.relations
            ],
        },
    )


def park_profile(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    net = network.collect(request.user)
    return render(
        request,
        "partnerships/park_profile.html",
        {
            "organisation": organisation,
            "profile": network.park_profile(net, organisation),
        },
    )


def export_graphml(request):
    _form, net = _collect(request)
    response = HttpResponse(network.graphml(net), content_type="application/graphml+xml")
    response["Content-Disposition"] = 'attachment; filename="maillage-network.graphml"'
    return response


def export_kumu(request):
    _form, net = _collect(request)
    response = HttpResponse(network.kumu_zip(net), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="maillage-network-kumu.zip"'
    return response
