from __future__ import annotations

import json

import pytest

from maillage.softlanding.enums import ApplicationStatus as S
from maillage.softlanding.models import Application, Score
from tests.partnerships.test_api import bearer, post

BASE = "/api/v1/softlanding"


def test_submit_move_and_outcome(client, sl):
    ino, zgc = sl["users"]["inovallee"], sl["users"]["zgc"]
    r = post(
        client,
        f"{BASE}/programmes/{sl['programme'].pk}/applications",
        {
            "startup": sl["startup"].pk,
            "home_park": sl["inovallee"].pk,
            "starts_on": "2030-03-01",
            "ends_on": "2030-06-30",
            "preferences": [sl["zgc_offer"].pk],
            "needs": ["desk"],
            "sector": "sl-medtech",
        },
        ino,
    )
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    ranked = client.get(f"{BASE}/applications/{pk}/hosts", **bearer(zgc)).json()
    assert ranked[0]["offer"] == sl["zgc_offer"].pk and ranked[0]["feasible"]
    assert (
        post(client, f"{BASE}/applications/{pk}/scores", {"scores": {"Team": 4}}, zgc).json()[
            "total"
        ]
        == 80.0
    )
    assert (
        post(client, f"{BASE}/applications/{pk}/scores", {"scores": {"Nope": 4}}, zgc).status_code
        == 422
    )
    for step in [
        {"to_status": "screening"},
        {"to_status": "matched", "offer": sl["zgc_offer"].pk},
        {"to_status": "agreed"},
        {"to_status": "landed"},
    ]:
        r = post(client, f"{BASE}/applications/{pk}/move", step, zgc)
        assert r.status_code == 200, r.content
    assert r.json()["status"] == "landed"
    r = post(
        client,
        f"{BASE}/applications/{pk}/outcomes",
        {"months": 12, "jobs": 4, "local_entity_created": True},
        zgc,
    )
    assert r.status_code == 201


def test_closed_programme_and_bad_transitions(client, sl, application):
    ino = sl["users"]["inovallee"]
    r = client.post(f"{BASE}/programmes/{sl['programme'].pk}/open?is_open=false", **bearer(ino))
    assert r.json()["is_open"] is False
    r = post(
        client,
        f"{BASE}/programmes/{sl['programme'].pk}/applications",
        {
            "startup": sl["startup"].pk,
            "home_park": sl["inovallee"].pk,
            "starts_on": "2030-03-01",
            "ends_on": "2030-06-30",
        },
        ino,
    )
    assert r.status_code == 422 and "closed to applications" in r.json()["detail"]
    r = post(client, f"{BASE}/applications/{application.pk}/move", {"to_status": "landed"}, ino)
    assert r.status_code == 422 and "cannot move" in r.json()["detail"]
    assert Application.objects.count() == 1


def test_matching_proposal_and_accept(client, sl, application):
    ino = sl["users"]["inovallee"]
    r = post(client, f"{BASE}/programmes/{sl['programme'].pk}/matching", {}, ino)
    assert (
        r.json()["placed"] == 1
        and r.json()["assignments"][str(application.pk)] == sl["zgc_offer"].pk
    )
    r = post(
        client,
        f"{BASE}/programmes/{sl['programme'].pk}/matching/accept",
        {"assignments": {str(application.pk): sl["zgc_offer"].pk}},
        ino,
    )
    assert r.status_code == 200 and r.json()[0]["status"] == "matched"


def test_host_over_capacity_via_api(client, sl):
    from tests.ecosystem.factories import OrganisationFactory

    ino = sl["users"]["inovallee"]
    ids = []
    for _ in range(2):
        r = post(
            client,
            f"{BASE}/programmes/{sl['programme'].pk}/applications",
            {
                "startup": OrganisationFactory(host_park=sl["inovallee"]).pk,
                "home_park": sl["inovallee"].pk,
                "starts_on": "2030-03-01",
                "ends_on": "2030-06-30",
            },
            ino,
        )
        ids.append(r.json()["id"])
    r = post(
        client,
        f"{BASE}/programmes/{sl['programme'].pk}/matching/accept",
        {"assignments": {str(i): sl["ino_offer"].pk for i in ids}},
        ino,
    )
    assert r.status_code == 422 and "over capacity" in r.json()["detail"]
    assert not Application.objects.filter(status=S.MATCHED).exists()


@pytest.mark.parametrize("who", ["stranger", "anonymous"])
def test_strangers_get_nothing(client, sl, application, who):
    from tests.ecosystem.factories import ParkFactory, UserFactory

    user = UserFactory(staff_of=[ParkFactory(name="Far away")]) if who == "stranger" else None
    headers = bearer(user) if user else {}
    ppk, pk = sl["programme"].pk, application.pk
    assert client.get(f"{BASE}/programmes", **headers).json() == []
    for url in [
        f"{BASE}/programmes/{ppk}",
        f"{BASE}/programmes/{ppk}/applications",
        f"{BASE}/applications/{pk}",
        f"{BASE}/applications/{pk}/hosts",
    ]:
        assert client.get(url, **headers).status_code == 404, url
    expected = 404 if user else 401
    for url, data in [
        (f"{BASE}/applications/{pk}/move", {"to_status": "screening"}),
        (f"{BASE}/applications/{pk}/scores", {"scores": {"Team": 5}}),
        (f"{BASE}/programmes/{ppk}/matching", {}),
        (
            f"{BASE}/programmes/{ppk}/offers",
            {
                "host": sl["zgc"].pk,
                "desks": 1,
                "available_from": "2030-01-01",
                "available_until": "2030-02-01",
            },
        ),
    ]:
        r = client.post(url, json.dumps(data), content_type="application/json", **headers)
        assert r.status_code == expected, url
    application.refresh_from_db()
    assert application.status == S.APPLIED and not Score.objects.exists()
    assert sl["programme"].offers.count() == 2


def test_park_outside_the_programme_cannot_apply(client, sl):
    from tests.ecosystem.factories import OrganisationFactory, ParkFactory, UserFactory

    park = ParkFactory(name="Outside")
    user = UserFactory(staff_of=[park])
    r = post(
        client,
        f"{BASE}/programmes/{sl['programme'].pk}/applications",
        {
            "startup": OrganisationFactory(host_park=park).pk,
            "home_park": park.pk,
            "starts_on": "2030-03-01",
            "ends_on": "2030-06-30",
        },
        user,
    )
    assert r.status_code == 404 and not Application.objects.exists()
