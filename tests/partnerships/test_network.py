from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import networkx as nx
import pytest
from django.urls import reverse

from maillage.partnerships import network, services
from tests.ecosystem.factories import MembershipFactory, NetworkFactory, ParkFactory


@pytest.fixture
def web(parks, sophia_staff, sectors, admin_user):
    """Sophia–Chengdu twinning (2025, IT, public), Sophia–Genopole MoU (2020, health), and IASP
    with Sophia and Chengdu as members."""
    twin = services.create_agreement(
        user=sophia_staff,
        title="Sister Parks",
        kind="twinning",
        is_public=True,
        signed_on=dt.date(2025, 7, 2),
        status="signed",
        parties=[(parks["sophia"], "signatory"), (parks["chengdu"], "signatory")],
        domains=[sectors["it"]],
    )
    mou = services.create_agreement(
        user=admin_user,
        title="Biotech MoU",
        kind="mou",
        signed_on=dt.date(2020, 3, 1),
        status="signed",
        parties=[(parks["sophia"], "signatory"), (parks["genopole"], "signatory")],
        domains=[sectors["health"]],
    )
    iasp = NetworkFactory(name="IASP", country="ES")
    MembershipFactory(network=iasp, member=parks["sophia"], since=dt.date(1990, 1, 1))
    MembershipFactory(network=iasp, member=parks["chengdu"], since=dt.date(2010, 1, 1))
    return {"twin": twin, "mou": mou, "iasp": iasp}


def test_collect_filters(web, admin_user, parks, sectors):
    net = network.collect(admin_user)
    assert len(net.relations) == 4 and len(net.organisations) == 4
    assert {r.type for r in network.collect(admin_user, kind="twinning").relations} == {"twinning"}
    assert len(network.collect(admin_user, kind="membership").relations) == 2
    assert [
        r.label for r in network.collect(admin_user, year=2020).relations if r.type != "membership"
    ] == ["Biotech MoU"]
    by_country = network.collect(admin_user, country="cn")
    assert {r.label for r in by_country.relations} == {"Sister Parks", "IASP"}
    assert [r.label for r in network.collect(admin_user, sector=sectors["health"]).relations] == [
        "Biotech MoU"
    ]
    assert len(network.collect(admin_user, year=2005).relations) == 1 + 0 + 0  # Sophia in IASP only


def test_visibility_follows_agreement_rules(web, outsider):
    labels = {r.label for r in network.collect(None).relations}
    assert labels == {
        "Sister Parks",
        "IASP",
    }  # public agreement and memberships; the MoU is private
    assert "Biotech MoU" in {
        r.label for r in network.collect(outsider).relations
    }  # Genopole is a party


def test_centrality_and_profile(web, admin_user, parks):
    net = network.collect(admin_user)
    scores = network.centrality(net.graph())
    assert scores[parks["sophia"].pk]["betweenness"] > scores[parks["chengdu"].pk]["betweenness"]
    profile = network.park_profile(net, parks["sophia"])
    assert {p.name for p in profile["partners"]} == {"Chengdu Hi-tech Zone", "Genopole"}
    assert profile["countries"] == ["CN"] and profile["rank"] == 1


def test_exports(web, admin_user, parks):
    net = network.collect(admin_user)
    g = nx.read_graphml(io.BytesIO(network.graphml(net)))
    assert g.number_of_nodes() == 4 and g.number_of_edges() == 4
    z = zipfile.ZipFile(io.BytesIO(network.kumu_zip(net)))
    elements = list(csv.DictReader(io.StringIO(z.read("elements.csv").decode())))
    connections = list(csv.DictReader(io.StringIO(z.read("connections.csv").decode())))
    assert list(elements[0])[:4] == ["Label", "Type", "Description", "Tags"]
    assert list(connections[0])[:3] == ["From", "To", "Type"]
    assert {"From": "Sophia Antipolis", "To": "Chengdu Hi-tech Zone"}.items() <= connections[
        0
    ].items() or any(
        c["From"] == "Sophia Antipolis" and c["To"] == "Chengdu Hi-tech Zone" for c in connections
    )


def test_network_page_and_downloads(client, web, parks):
    page = client.get(reverse("partnerships:network")).content.decode()
    assert "<svg" in page and "Sister Parks" in page and "Biotech MoU" not in page
    assert 'id="network-nodes"' in page
    page = client.get(reverse("partnerships:network"), {"kind": "membership"}).content.decode()
    assert "Sister Parks" not in page and "IASP" in page
    r = client.get(reverse("partnerships:export_graphml"))
    assert r["Content-Type"] == "application/graphml+xml" and b"<graphml" in r.content
    r = client.get(reverse("partnerships:export_kumu"), {"kind": "twinning"})
    assert zipfile.ZipFile(io.BytesIO(r.content)).namelist() == ["elements.csv", "connections.csv"]
    r = client.get(reverse("partnerships:park_profile", args=[parks["sophia"].slug]))
    assert r.status_code == 200 and "Chengdu Hi-tech Zone" in r.content.decode()


def test_network_page_queries_bounded(client, admin_user, parks, django_assert_max_num_queries):
    for i in range(10):
        p = ParkFactory()
        services.create_agreement(
            user=admin_user,
            title=f"T{i}",
            kind="mou",
            parties=[(parks["sophia"], "signatory"), (p, "signatory")],
        )
    client.force_login(admin_user)
    with django_assert_max_num_queries(12):
        client.get(reverse("partnerships:network"))
