"""The marketplace API: browse and search, read, publish, edit, withdraw, react, own reactions."""

from __future__ import annotations

import pytest

from maillage.accounts.models import ApiToken
from maillage.events.models import Event
from maillage.matchmaking.models import Opportunity, OpportunityReaction
from maillage.matchmaking.services import marketplace
from tests.events.factories import ParkFactory, SectorFactory, UserFactory
from tests.matchmaking.published import make_session

pytestmark = pytest.mark.django_db

JSON = "application/json"


def bearer(user):
    _, token = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def as_participant(p):
    return bearer(p.registration.person.user)


@pytest.fixture
def world():
    park = ParkFactory(name="Owner park")
    world = make_session(people=3, organisers=[park])
    world.park = park
    return world


def url(world, rest=""):
    return f"/api/v1/matchmaking/events/{world.event.slug}/opportunities{rest}"


def publish(participant, title="Anti-soiling coatings for solar panels", **kw):
    fields = {"kind": "offer", "category": "product", "description": "Coatings.", **kw}
    return marketplace.publish_opportunity(participant=participant, title=title, **fields)


def test_publish_then_find_it_by_search_and_filters(client, world):
    SectorFactory(code="solar", name_en="Solar energy", name_fr="Énergie solaire")
    me = world.participants[0]
    made = client.post(
        url(world),
        {
            "kind": "request",
            "category": "rd_cooperation",
            "title": "  Coatings   for panels ",
            "keywords": "solar; coatings, Solar",
            "sectors": ["solar"],
        },
        content_type=JSON,
        **as_participant(me),
    )
    assert made.status_code == 201, made.content
    body = made.json()
    assert (body["title"], body["keywords"], body["sectors"]) == (
        "Coatings for panels",
        ["solar", "coatings"],
        ["solar"],
    )
    assert body["author"]["participant"] == me.pk and body["mine"] is True
    publish(world.participants[1], title="Drone inspections", kind="offer")
    found = client.get(url(world), {"q": "PANELS"}).json()
    assert [o["title"] for o in found["items"]] == ["Coatings for panels"]
    assert found["count"] == 1 and found["items"][0]["mine"] is False  # anonymous
    offers = client.get(url(world), {"kind": "offer"}).json()["items"]
    assert [o["title"] for o in offers] == ["Drone inspections"]
    assert client.get(url(world), {"sector": "solar"}).json()["count"] == 1


def test_bad_input_is_422_with_the_field(client, world):
    me = as_participant(world.participants[0])
    bad = client.post(
        url(world), {"kind": "barter", "category": "product", "title": "X"}, content_type=JSON, **me
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["loc"][-1] == "kind"
    unknown = client.post(
        url(world),
        {"kind": "offer", "category": "product", "title": "X", "sectors": ["nope"]},
        content_type=JSON,
        **me,
    )
    assert unknown.status_code == 422 and "nope" in unknown.json()["detail"]
    blank = client.post(
        url(world),
        {"kind": "offer", "category": "product", "title": "   "},
        content_type=JSON,
        **me,
    )
    assert blank.status_code == 422 and blank.json()["errors"][0]["loc"] == ["body", "title"]
    assert client.get(url(world), {"kind": "barter"}).status_code == 422
    assert client.get(url(world), {"sector": "nope"}).status_code == 422
    assert Opportunity.objects.count() == 0


def test_only_participants_publish_and_anonymous_callers_not_at_all(client, world):
    body = {"kind": "offer", "category": "product", "title": "Sensors"}
    assert client.post(url(world), body, content_type=JSON).status_code == 401
    outsider = client.post(url(world), body, content_type=JSON, **bearer(UserFactory()))
    assert outsider.status_code == 403
    assert Opportunity.objects.count() == 0


def test_private_opportunities_are_for_insiders_only(client, world):
    hidden = publish(world.participants[0], title="Confidential", is_public=False)
    assert client.get(url(world)).json()["count"] == 0
    assert client.get(url(world, f"/{hidden.pk}")).status_code == 404
    seen = client.get(url(world, f"/{hidden.pk}"), **as_participant(world.participants[1]))
    assert seen.status_code == 200 and seen.json()["title"] == "Confidential"


def test_edit_and_withdraw_are_the_authors_or_the_staffs(client, world):
    author, other = world.participants[0], world.participants[1]
    o = publish(author)
    refused = client.patch(
        url(world, f"/{o.pk}"), {"title": "Mine now"}, content_type=JSON, **as_participant(other)
    )
    assert refused.status_code == 403
    edited = client.patch(
        url(world, f"/{o.pk}"),
        {"title": "Better coatings", "description": None},
        content_type=JSON,
        **as_participant(author),
    )
    assert edited.status_code == 200
    assert (edited.json()["title"], edited.json()["description"]) == ("Better coatings", "")
    emptied = client.patch(
        url(world, f"/{o.pk}"), {"kind": None}, content_type=JSON, **as_participant(author)
    )
    assert emptied.status_code == 422
    assert client.delete(url(world, f"/{o.pk}"), **as_participant(other)).status_code == 403
    staff = UserFactory(staff_of=[world.park])
    assert client.delete(url(world, f"/{o.pk}"), **bearer(staff)).status_code == 204
    assert not Opportunity.objects.filter(pk=o.pk).exists()


def test_another_parks_staff_cannot_moderate(client, world):
    o = publish(world.participants[0])
    stranger = UserFactory(staff_of=[ParkFactory(name="Other park")])
    assert client.delete(url(world, f"/{o.pk}"), **bearer(stranger)).status_code == 403
    Event.objects.filter(pk=world.event.pk).update(is_public=False)
    assert client.delete(url(world, f"/{o.pk}"), **bearer(stranger)).status_code == 404
    assert client.get(url(world, f"/{o.pk}"), **bearer(stranger)).status_code == 404
    assert Opportunity.objects.filter(pk=o.pk).exists()


def test_react_and_the_author_reads_the_reactions(client, world):
    author, reader = world.participants[0], world.participants[1]
    o = publish(author)
    sent = client.post(
        url(world, f"/{o.pk}/reactions"),
        {"message": "We need this."},
        content_type=JSON,
        **as_participant(reader),
    )
    assert sent.status_code == 201 and sent.json()["author"]["participant"] == reader.pk
    own = client.post(
        url(world, f"/{o.pk}/reactions"),
        {"message": "Me too."},
        content_type=JSON,
        **as_participant(author),
    )
    assert own.status_code == 422 and "own opportunity" in own.json()["detail"]
    empty = client.post(
        url(world, f"/{o.pk}/reactions"),
        {"message": " "},
        content_type=JSON,
        **as_participant(reader),
    )
    assert empty.status_code == 422 and empty.json()["errors"][0]["loc"] == ["body", "message"]
    outsider = client.post(
        url(world, f"/{o.pk}/reactions"),
        {"message": "Hi"},
        content_type=JSON,
        **bearer(UserFactory()),
    )
    assert outsider.status_code == 403
    assert OpportunityReaction.objects.count() == 1
    read = client.get(url(world, f"/{o.pk}/reactions"), **as_participant(author))
    assert [r["message"] for r in read.json()] == ["We need this."]
    assert client.get(url(world, f"/{o.pk}/reactions"), **as_participant(reader)).status_code == 403
    mine = client.get(
        f"/api/v1/matchmaking/events/{world.event.slug}/my-opportunities", **as_participant(author)
    ).json()
    assert [(m["id"], len(m["reactions"])) for m in mine] == [(o.pk, 1)]
    not_in = client.get(
        f"/api/v1/matchmaking/events/{world.event.slug}/my-opportunities", **bearer(UserFactory())
    )
    assert not_in.status_code == 403
