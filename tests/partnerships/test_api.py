from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from maillage.accounts.models import ApiToken
from maillage.partnerships.models import Agreement, AgreementNote, Delegation

BASE = "/api/v1/partnerships"


def bearer(user) -> dict:
    _obj, token = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def post(client, url, data, user):
    return client.post(url, json.dumps(data), content_type="application/json", **bearer(user))


def test_create_and_read_agreement(client, parks, sophia_staff, sectors):
    r = post(
        client,
        f"{BASE}/agreements",
        {
            "title": "Sister Parks",
            "kind": "twinning",
            "parties": [
                {"organisation": parks["sophia"].pk},
                {"organisation": parks["chengdu"].pk, "role": "partner"},
            ],
            "domains": ["digital"],
            "commitments": [{"action": "Seminar", "kind": "seminar", "owner": parks["sophia"].pk}],
        },
        sophia_staff,
    )
    assert r.status_code == 201, r.content
    body = r.json()
    assert {p["name"] for p in body["parties"]} == {"Sophia Antipolis", "Chengdu Hi-tech Zone"}
    assert body["domains"] == ["digital"] and body["commitments"][0]["action"] == "Seminar"
    r = client.get(f"{BASE}/agreements/{body['id']}", **bearer(sophia_staff))
    assert r.status_code == 200


def test_bad_input_gives_422_with_a_sentence(client, parks, sophia_staff):
    r = post(
        client,
        f"{BASE}/agreements",
        {"title": "Alone", "kind": "mou", "parties": [{"organisation": parks["sophia"].pk}]},
        sophia_staff,
    )
    assert r.status_code == 422 and "at least two different parties" in r.json()["detail"]
    r = post(
        client,
        f"{BASE}/agreements",
        {
            "title": "Back",
            "kind": "mou",
            "starts_on": "2026-05-01",
            "ends_on": "2026-01-01",
            "parties": [
                {"organisation": parks["sophia"].pk},
                {"organisation": parks["chengdu"].pk},
            ],
        },
        sophia_staff,
    )
    assert r.status_code == 422 and "end date comes before" in r.json()["detail"]
    assert not Agreement.objects.exists()


def test_status_commitments_notes_documents(client, agreement, sophia_staff, parks):
    pk = agreement.pk
    assert (
        post(
            client, f"{BASE}/agreements/{pk}/status", {"status": "expired"}, sophia_staff
        ).status_code
        == 409  # a transition the current status forbids is a conflict (was 422)
    )
    assert (
        post(client, f"{BASE}/agreements/{pk}/status", {"status": "signed"}, sophia_staff).json()[
            "status"
        ]
        == "signed"
    )
    assert (
        post(
            client,
            f"{BASE}/agreements/{pk}/commitments",
            {"action": "Training", "owner": parks["genopole"].pk},
            sophia_staff,
        ).status_code
        == 422
    )
    assert (
        post(
            client, f"{BASE}/agreements/{pk}/notes", {"body": "Met in Chengdu"}, sophia_staff
        ).status_code
        == 201
    )
    r = client.post(
        f"{BASE}/agreements/{pk}/documents",
        {"title": "Text", "file": SimpleUploadedFile("x.pdf", b"%PDF-1.4\n")},
        **bearer(sophia_staff),
    )
    assert r.status_code == 201
    r = client.post(
        f"{BASE}/agreements/{pk}/documents",
        {"file": SimpleUploadedFile("x.pdf", b"<html>")},
        **bearer(sophia_staff),
    )
    assert r.status_code == 422 and "not a PDF" in r.json()["detail"]


@pytest.mark.parametrize("who", ["outsider", "participant", "anonymous"])
def test_strangers_get_404_and_change_nothing(client, agreement, who, outsider, participant):
    user = {"outsider": outsider, "participant": participant}.get(who)
    headers = bearer(user) if user else {}
    pk = agreement.pk
    assert client.get(f"{BASE}/agreements/{pk}", **headers).status_code == 404
    assert client.get(f"{BASE}/agreements", **headers).json() == []
    expected = 404 if user else 401
    for url, data in [
        (f"{BASE}/agreements/{pk}/status", {"status": "signed"}),
        (f"{BASE}/agreements/{pk}/commitments", {"action": "x"}),
        (f"{BASE}/agreements/{pk}/notes", {"body": "x"}),
    ]:
        assert (
            client.post(
                url, json.dumps(data), content_type="application/json", **headers
            ).status_code
            == expected
        )
    r = client.patch(
        f"{BASE}/agreements/{pk}",
        json.dumps({"title": "Hacked"}),
        content_type="application/json",
        **headers,
    )
    assert r.status_code == expected
    agreement.refresh_from_db()
    assert agreement.title == "Sister Parks" and agreement.status == "negotiation"
    assert agreement.commitments.count() == 1 and not AgreementNote.objects.exists()


def test_public_agreement_readable_not_writable(client, agreement, outsider):
    Agreement.objects.filter(pk=agreement.pk).update(is_public=True)
    assert client.get(f"{BASE}/agreements/{agreement.pk}").status_code == 200
    r = post(client, f"{BASE}/agreements/{agreement.pk}/notes", {"body": "x"}, outsider)
    assert r.status_code == 403


def test_network_endpoint(client, agreement, sophia_staff):
    body = client.get(f"{BASE}/network", **bearer(sophia_staff)).json()
    assert len(body["nodes"]) == 2 and body["edges"][0]["types"] == "twinning"
    assert client.get(f"{BASE}/network").json() == {"nodes": [], "edges": []}  # private agreement


def test_delegations_api(client, parks, sophia_staff, outsider):
    r = post(
        client,
        f"{BASE}/delegations",
        {
            "title": "Beijing mission",
            "direction": "outgoing",
            "starts_on": "2026-09-14",
            "ends_on": "2026-09-19",
            "countries": "CN",
            "hosts": [parks["chengdu"].pk],
            "visitors": [parks["sophia"].pk],
        },
        sophia_staff,
    )
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    r = post(
        client,
        f"{BASE}/delegations/{pk}/visits",
        {
            "place": "Zhongguancun",
            "starts_at": "2026-09-15T09:00:00Z",
            "ends_at": "2026-09-15T08:00:00Z",
        },
        sophia_staff,
    )
    assert r.status_code == 422 and "ends before it starts" in r.json()["detail"]
    r = post(
        client,
        f"{BASE}/delegations/{pk}/visits",
        {
            "place": "Zhongguancun",
            "starts_at": "2026-09-15T09:00:00Z",
            "ends_at": "2026-09-15T11:00:00Z",
        },
        sophia_staff,
    )
    assert r.status_code == 201
    assert client.get(f"{BASE}/delegations/{pk}", **bearer(outsider)).status_code == 404
    assert (
        post(client, f"{BASE}/delegations/{pk}/contacts", {"name": "x"}, outsider).status_code
        == 404
    )
    assert Delegation.objects.get().contacts.count() == 0
    r = post(
        client,
        f"{BASE}/delegations",
        {
            "title": "Bad",
            "direction": "incoming",
            "starts_on": "2026-09-14",
            "ends_on": "2026-09-10",
            "hosts": [parks["sophia"].pk],
            "visitors": [parks["chengdu"].pk],
        },
        sophia_staff,
    )
    assert r.status_code == 422 and Delegation.objects.count() == 1
