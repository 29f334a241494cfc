"""The partnerships API does what the pages do: commitments marked done, documents downloaded,
delegations edited, follow-ups marked done, a park's place in the network and the network's
exports."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from maillage.partnerships import services
from maillage.partnerships.models import Commitment, Delegation, FollowUp
from tests.ecosystem.factories import AffiliationFactory, PersonFactory
from tests.partnerships.test_api import bearer

BASE = "/api/v1/partnerships"
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def patch(client, url, data, user=None):
    headers = bearer(user) if user else {}
    return client.patch(url, json.dumps(data), content_type="application/json", **headers)


def test_a_party_marks_a_commitment_done_and_undone(client, agreement, chengdu_staff):
    c = agreement.commitments.get()
    url = f"{BASE}/agreements/{agreement.pk}/commitments/{c.pk}"
    r = patch(client, url, {"done": True}, chengdu_staff)
    assert r.status_code == 200, r.content
    assert r.json()["done"] is True
    assert Commitment.objects.get(pk=c.pk).done_on is not None
    r = patch(client, url, {"done": False}, chengdu_staff)
    assert r.json()["done"] is False and Commitment.objects.get(pk=c.pk).done_on is None


def test_a_commitment_is_refused_to_others(client, agreement, outsider):
    c = agreement.commitments.get()
    url = f"{BASE}/agreements/{agreement.pk}/commitments/{c.pk}"
    assert patch(client, url, {"done": True}).status_code == 401
    assert patch(client, url, {"done": True}, outsider).status_code == 404
    assert not Commitment.objects.get(pk=c.pk).done


def test_a_commitment_of_another_agreement_is_not_found(client, agreement, parks, sophia_staff):
    other = services.create_agreement(
        user=sophia_staff,
        title="Other",
        kind="mou",
        parties=[(parks["sophia"], "signatory"), (parks["genopole"], "signatory")],
    )
    c = agreement.commitments.get()
    r = patch(
        client, f"{BASE}/agreements/{other.pk}/commitments/{c.pk}", {"done": True}, sophia_staff
    )
    assert r.status_code == 404
    r = patch(client, f"{BASE}/agreements/{agreement.pk}/commitments/{c.pk}", {}, sophia_staff)
    assert r.status_code == 422 and r.json()["errors"][0]["loc"][-1] == "done"


@pytest.fixture
def document(agreement, sophia_staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return services.add_document(
        agreement=agreement,
        title="Signed text",
        file=SimpleUploadedFile("signed.pdf", PDF_BYTES, "application/pdf"),
        user=sophia_staff,
    )


def test_a_party_downloads_a_document(client, agreement, document, chengdu_staff, outsider):
    url = f"{BASE}/agreements/{agreement.pk}/documents/{document.pk}"
    r = client.get(url, **bearer(chengdu_staff))
    assert r.status_code == 200
    assert r["Content-Type"] == "application/pdf"
    assert b"".join(r.streaming_content) == PDF_BYTES
    assert client.get(url, **bearer(outsider)).status_code == 404
    assert client.get(url).status_code == 404
    missing = f"{BASE}/agreements/{agreement.pk}/documents/2000000000"
    assert client.get(missing, **bearer(chengdu_staff)).status_code == 404


@pytest.fixture
def delegation(parks, sophia_staff):
    d = services.create_delegation(
        user=sophia_staff,
        title="Chengdu mission",
        direction="outgoing",
        starts_on=dt.date(2030, 5, 1),
        ends_on=dt.date(2030, 5, 6),
        hosts=[parks["chengdu"]],
        visitors=[parks["sophia"]],
    )
    services.add_follow_up(delegation=d, description="Send the MoU draft")
    return d


def test_a_delegation_is_edited(client, delegation, sophia_staff, parks):
    url = f"{BASE}/delegations/{delegation.pk}"
    r = patch(client, url, {"title": "Chengdu and Xi'an mission", "countries": "CN"}, sophia_staff)
    assert r.status_code == 200, r.content
    assert r.json()["title"] == "Chengdu and Xi'an mission"
    d = Delegation.objects.get(pk=delegation.pk)
    assert d.countries == "CN" and d.starts_on == dt.date(2030, 5, 1)
    assert list(d.hosts.all()) == [parks["chengdu"]]


def test_a_delegation_edit_is_checked_and_refused_to_others(
    client, delegation, sophia_staff, outsider
):
    url = f"{BASE}/delegations/{delegation.pk}"
    r = patch(client, url, {"ends_on": "2030-04-01"}, sophia_staff)
    assert r.status_code == 422
    r = patch(client, url, {"hosts": [2_000_000_000]}, sophia_staff)
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["body", "hosts"]
    assert patch(client, url, {"title": "x"}, outsider).status_code == 404
    assert patch(client, url, {"title": "x"}).status_code == 401
    assert Delegation.objects.get(pk=delegation.pk).title == "Chengdu mission"
    assert Delegation.objects.get(pk=delegation.pk).ends_on == dt.date(2030, 5, 6)


def test_a_follow_up_is_marked_done(client, delegation, sophia_staff, outsider):
    f = delegation.follow_ups.get()
    url = f"{BASE}/delegations/{delegation.pk}/follow-ups/{f.pk}"
    assert patch(client, url, {"done": True}, outsider).status_code == 404
    assert not FollowUp.objects.get(pk=f.pk).done
    r = patch(client, url, {"done": True}, sophia_staff)
    assert r.status_code == 200 and r.json()["done"] is True
    assert FollowUp.objects.get(pk=f.pk).done
    other = f"{BASE}/delegations/{delegation.pk}/follow-ups/2000000000"
    assert patch(client, other, {"done": True}, sophia_staff).status_code == 404


def test_a_parks_profile_in_the_network(client, agreement, parks, sophia_staff):
    r = client.get(f"{BASE}/network/organisations/{parks['sophia'].slug}", **bearer(sophia_staff))
    assert r.status_code == 200, r.content
    body = r.json()
    assert [p["id"] for p in body["partners"]] == [parks["chengdu"].pk]
    assert body["countries"] == ["CN"] and body["rank"] is not None
    # A private agreement is not in an anonymous visitor's network.
    anonymous = client.get(f"{BASE}/network/organisations/{parks['sophia'].slug}").json()
    assert anonymous["partners"] == []
    assert client.get(f"{BASE}/network/organisations/no-such-park").status_code == 404


def test_the_network_exports(client, agreement, parks, sophia_staff):
    r = client.get(f"{BASE}/network.graphml", **bearer(sophia_staff))
    assert r.status_code == 200 and r["Content-Type"] == "application/graphml+xml"
    assert b"Chengdu Hi-tech Zone" in r.content
    r = client.get(f"{BASE}/network-kumu.zip?kind=membership", **bearer(sophia_staff))
    assert r.status_code == 200 and r["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(r.content)).namelist()
    assert sorted(names) == ["connections.csv", "elements.csv"]
    elements = zipfile.ZipFile(io.BytesIO(r.content)).read("elements.csv").decode()
    assert "Chengdu" not in elements  # filtered to memberships: the agreement is left out
    assert client.get(f"{BASE}/network.graphml?year=1").status_code == 422


def test_a_delegation_shows_its_contacts_and_follow_ups(client, delegation, sophia_staff):
    services.add_contact(delegation=delegation, name="Li Wei")
    r = client.get(f"{BASE}/delegations/{delegation.pk}", **bearer(sophia_staff))
    assert [c["name"] for c in r.json()["contacts"]] == ["Li Wei"]
    assert [f["description"] for f in r.json()["follow_ups"]] == ["Send the MoU draft"]


def test_a_party_lists_the_documents(client, agreement, document, chengdu_staff, outsider):
    url = f"{BASE}/agreements/{agreement.pk}/documents"
    assert [d["title"] for d in client.get(url, **bearer(chengdu_staff)).json()] == ["Signed text"]
    assert client.get(url, **bearer(outsider)).status_code == 404


def test_a_delegation_names_only_the_members_the_caller_may_see(
    client, delegation, sophia_staff, chengdu_staff, parks
):
    colleague = PersonFactory(first_name="Ada", last_name="Lovelace")
    AffiliationFactory(person=colleague, organisation=parks["sophia"])
    services.update_delegation(delegation=delegation, user=sophia_staff, members=[colleague])
    ours = client.get(f"{BASE}/delegations/{delegation.pk}", **bearer(sophia_staff)).json()
    assert [m["id"] for m in ours["members"]] == [colleague.pk]
    hosts = client.get(f"{BASE}/delegations/{delegation.pk}", **bearer(chengdu_staff)).json()
    assert hosts["members"] == []  # not in the public directory, not one of Chengdu's people
