"""The soft-landing API does what the pages do: programme and offer edits, the board, and the
delegation follow-ups that led to an application."""

from __future__ import annotations

import datetime as dt
import json

from maillage.partnerships import services as partnerships
from maillage.partnerships.models import FollowUp
from maillage.softlanding.models import FollowUpLink, HostOffer, Programme
from tests.partnerships.test_api import bearer, post

BASE = "/api/v1/softlanding"


def patch(client, url, data, user=None):
    headers = bearer(user) if user else {}
    return client.patch(url, json.dumps(data), content_type="application/json", **headers)


def test_an_organiser_edits_the_programme(client, sl):
    ino = sl["users"]["inovallee"]
    url = f"{BASE}/programmes/{sl['programme'].pk}"
    r = patch(client, url, {"name": "Cross landing 2030", "criteria": [["Team", 5]]}, ino)
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["name"] == "Cross landing 2030"
    assert body["criteria"] == [{"name": "Team", "weight": 5}]
    programme = Programme.objects.get(pk=sl["programme"].pk)
    # What was not sent stays as it was.
    assert set(programme.organisers.values_list("pk", flat=True)) == {
        sl["inovallee"].pk,
        sl["zgc"].pk,
    }
    assert programme.is_open


def test_a_programme_edit_is_refused_to_others(client, sl):
    url = f"{BASE}/programmes/{sl['programme'].pk}"
    assert patch(client, url, {"name": "Hijacked"}).status_code == 401
    r = patch(client, url, {"name": "Hijacked"}, sl["users"]["genopole"])
    assert r.status_code == 404
    assert Programme.objects.get(pk=sl["programme"].pk).name == "Cross soft landing"


def test_a_programme_edit_checks_its_input(client, sl):
    ino = sl["users"]["inovallee"]
    url = f"{BASE}/programmes/{sl['programme'].pk}"
    r = patch(client, url, {"organisers": [2_000_000_000]}, ino)
    assert r.status_code == 422
    assert r.json()["errors"][0]["loc"] == ["body", "organisers"]
    r = patch(client, url, {"criteria": [["Team", 0]]}, ino)
    assert r.status_code == 422 and "weight" in r.json()["detail"]


def test_an_organiser_edits_an_offer(client, sl):
    ino = sl["users"]["inovallee"]
    offer = sl["zgc_offer"]
    url = f"{BASE}/programmes/{sl['programme'].pk}/offers/{offer.pk}"
    r = patch(client, url, {"desks": 5, "fees": "free"}, ino)
    assert r.status_code == 200, r.content
    assert r.json()["desks"] == 5 and r.json()["fees"] == "free"
    offer.refresh_from_db()
    assert offer.desks == 5 and offer.available_until == dt.date(2030, 12, 31)
    r = patch(client, url, {"available_until": "2029-01-01"}, ino)
    assert r.status_code == 422
    assert HostOffer.objects.get(pk=offer.pk).available_until == dt.date(2030, 12, 31)


def test_an_offer_of_another_programme_is_not_found(client, sl):
    ino = sl["users"]["inovallee"]
    other = Programme.objects.create(name="Elsewhere")
    r = patch(
        client, f"{BASE}/programmes/{other.pk}/offers/{sl['zgc_offer'].pk}", {"desks": 1}, ino
    )
    assert r.status_code == 404
    r = patch(
        client,
        f"{BASE}/programmes/{sl['programme'].pk}/offers/{sl['zgc_offer'].pk}",
        {"desks": 9},
        sl["users"]["genopole"],
    )
    assert r.status_code == 404
    assert HostOffer.objects.get(pk=sl["zgc_offer"].pk).desks == 2


def test_the_board_lists_applications_by_status(client, sl, application):
    url = f"{BASE}/programmes/{sl['programme'].pk}/board"
    r = client.get(url, **bearer(sl["users"]["zgc"]))
    assert r.status_code == 200, r.content
    columns = {c["status"]: c for c in r.json()["columns"]}
    assert [a["id"] for a in columns["applied"]["applications"]] == [application.pk]
    card = columns["applied"]["applications"][0]
    assert "screening" in card["next_statuses"] and card["can_move"] is True
    assert columns["landed"]["applications"] == []
    assert client.get(url, **bearer(sl["users"]["genopole"])).status_code == 404
    assert client.get(url).status_code == 404


def _delegation(sl):
    return partnerships.create_delegation(
        user=sl["users"]["inovallee"],
        title="Beijing mission",
        direction="outgoing",
        starts_on=dt.date(2030, 1, 10),
        ends_on=dt.date(2030, 1, 15),
        hosts=[sl["zgc"]],
        visitors=[sl["inovallee"]],
    )


def test_a_follow_up_is_linked_to_the_application(client, sl, application):
    delegation = _delegation(sl)
    url = f"{BASE}/applications/{application.pk}/follow-ups"
    r = post(
        client,
        url,
        {"delegation": delegation.pk, "description": "Medtech startup applied"},
        sl["users"]["inovallee"],
    )
    assert r.status_code == 201, r.content
    assert r.json()["kind"] == "application" and r.json()["delegation"] == delegation.pk
    assert FollowUpLink.objects.get(application=application).follow_up_id == r.json()["id"]


def test_a_follow_up_needs_one_of_the_callers_delegations(client, sl, application):
    delegation = _delegation(sl)
    url = f"{BASE}/applications/{application.pk}/follow-ups"
    data = {"delegation": delegation.pk, "description": "Applied"}
    assert post(client, url, data, sl["users"]["genopole"]).status_code == 404
    r = client.post(url, json.dumps(data), content_type="application/json")
    assert r.status_code == 401
    r = post(client, url, {**data, "delegation": 2_000_000_000}, sl["users"]["inovallee"])
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["body", "delegation"]
    r = post(client, url, {**data, "description": "   "}, sl["users"]["inovallee"])
    assert r.status_code == 422
    assert not FollowUp.objects.exists()


def test_the_programme_list_shows_the_scoring_grid(client, sl):
    r = client.get(f"{BASE}/programmes", **bearer(sl["users"]["zgc"]))
    assert [c["name"] for c in r.json()[0]["criteria"]] == ["Team", "Market fit"]
    assert client.get(f"{BASE}/programmes", **bearer(sl["users"]["genopole"])).json() == []
