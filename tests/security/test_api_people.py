"""People are scoped in the API: every person id it takes (delegation contacts and members,
agreement signatories) is looked up among the people the caller may see; an unknown id and a
hidden one get the same answer; agreements show only the signatories the reader may see."""

import datetime as dt

import pytest

from maillage.accounts.models import ApiToken
from maillage.ecosystem.enums import OrganisationKind
from maillage.partnerships import services
from maillage.partnerships.models import Agreement, ContactMet, Delegation
from tests.ecosystem.factories import AffiliationFactory, ParkFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def bearer(user) -> dict:
    _obj, token = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.fixture
def world():
    class W:
        pass

    w = W()
    w.ours = ParkFactory(name="Château-Gombert")
    w.theirs = ParkFactory(name="Zhongguancun")
    w.staff = UserFactory(staff_of=[w.ours])
    w.hidden = AffiliationFactory(
        organisation=w.theirs, person=PersonFactory(last_name="Hidden")
    ).person
    w.listed = AffiliationFactory(
        organisation=w.theirs, person=PersonFactory(last_name="Listed", public_consent=True)
    ).person
    w.colleague = AffiliationFactory(
        organisation=w.ours, person=PersonFactory(last_name="Colleague")
    ).person
    w.delegation = services.create_delegation(
        user=w.staff,
        title="ZGC visit",
        direction="incoming",
        starts_on=dt.date(2026, 5, 1),
        ends_on=dt.date(2026, 5, 3),
        hosts=[w.ours],
        visitors=[w.theirs],
    )
    w.auth = bearer(w.staff)
    assert w.theirs.kind == OrganisationKind.PARK
    return w


def post(client, url, body, auth):
    return client.post(url, body, content_type="application/json", **auth)


def test_contact_of_a_hidden_person_is_refused_like_an_unknown_one(client, world):
    url = f"/api/v1/partnerships/delegations/{world.delegation.pk}/contacts"
    hidden = post(client, url, {"person": world.hidden.pk}, world.auth)
    unknown = post(client, url, {"person": 987654}, world.auth)
    assert hidden.status_code == unknown.status_code == 422
    assert hidden.content == unknown.content
    assert b"Hidden" not in hidden.content
    assert not ContactMet.objects.exists()
    for person in (world.listed, world.colleague):
        ok = post(client, url, {"person": person.pk}, world.auth)
        assert ok.status_code == 201 and ok.json()["name"] == str(person)


def test_delegation_members_are_people_the_caller_may_see(client, world):
    body = {
        "title": "Return visit",
        "direction": "outgoing",
        "starts_on": "2026-09-01",
        "ends_on": "2026-09-05",
        "hosts": [world.theirs.pk],
        "visitors": [world.ours.pk],
    }
    url = "/api/v1/partnerships/delegations"
    hidden = post(
        client, url, {**body, "members": [world.colleague.pk, world.hidden.pk]}, world.auth
    )
    unknown = post(client, url, {**body, "members": [world.colleague.pk, 987654]}, world.auth)
    assert hidden.status_code == unknown.status_code == 422
    assert hidden.content == unknown.content
    assert Delegation.objects.count() == 1
    ok = post(client, url, {**body, "members": [world.colleague.pk, world.listed.pk]}, world.auth)
    assert ok.status_code == 201
    assert set(Delegation.objects.get(pk=ok.json()["id"]).members.all()) == {
        world.colleague,
        world.listed,
    }


def agreement_body(world, **changes):
    return {
        "title": "Twinning",
        "kind": "mou",
        "is_public": True,
        "parties": [{"organisation": world.ours.pk}, {"organisation": world.theirs.pk}],
        **changes,
    }


def test_signatories_are_people_the_caller_may_see(client, world):
    url = "/api/v1/partnerships/agreements"
    hidden = post(client, url, agreement_body(world, signatories=[world.hidden.pk]), world.auth)
    unknown = post(client, url, agreement_body(world, signatories=[987654]), world.auth)
    assert hidden.status_code == unknown.status_code == 422
    assert hidden.content == unknown.content
    assert not Agreement.objects.exists()
    ok = post(client, url, agreement_body(world, signatories=[world.colleague.pk]), world.auth)
    assert ok.status_code == 201
    pk = ok.json()["id"]
    patch = client.patch(
        f"{url}/{pk}",
        {"signatories": [world.hidden.pk]},
        content_type="application/json",
        **world.auth,
    )
    assert patch.status_code == 422
    assert list(Agreement.objects.get(pk=pk).signatories.all()) == [world.colleague]


def test_public_agreement_shows_only_signatories_the_reader_may_see(client, world):
    agreement = services.create_agreement(
        user=world.staff,
        title="Twinning",
        kind="mou",
        is_public=True,
        parties=[(world.ours, "signatory"), (world.theirs, "signatory")],
        signatories=[world.colleague, world.listed],
    )
    anonymous = client.get(f"/api/v1/partnerships/agreements/{agreement.pk}").json()
    assert [s["id"] for s in anonymous["signatories"]] == [world.listed.pk]
    listed = client.get("/api/v1/partnerships/agreements").json()
    assert [s["id"] for s in listed[0]["signatories"]] == [world.listed.pk]
    own = client.get(f"/api/v1/partnerships/agreements/{agreement.pk}", **world.auth).json()
    assert {s["id"] for s in own["signatories"]} == {world.listed.pk, world.colleague.pk}
    page = client.get(f"/partnerships/agreements/{agreement.pk}/").content.decode()
    assert "Listed" in page and "Colleague" not in page
