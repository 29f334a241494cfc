"""Marketplace: services (publish, edit, withdraw, react) and pages (browse, filter, search)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from maillage.matchmaking.models import Opportunity, OpportunityReaction
from maillage.matchmaking.services import marketplace
from tests.events.factories import PASSWORD, SectorFactory, UserFactory
from tests.matchmaking.published import make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_session(people=3)


def publish(participant, title="Anti-soiling coatings for solar panels", kind="offer", **kw):
    fields = {"category": "product", "description": "Coatings that keep panels clean.", **kw}
    return marketplace.publish_opportunity(
        participant=participant, kind=kind, title=title, **fields
    )


def login(client, participant):
    client.login(email=participant.registration.person.user.email, password=PASSWORD)


# --- services ------------------------------------------------------------------------------


def test_publish_cleans_title_and_keywords_and_sets_sectors(world):
    solar = SectorFactory(code="solar", name_en="Solar energy", name_fr="Énergie solaire")
    o = publish(
        world.participants[0],
        title="  Solar   coatings ",
        keywords="solar; Coatings, solar ,",
        sectors=[solar],
    )
    assert o.title == "Solar coatings"
    assert o.keywords == "solar, Coatings"
    assert list(o.sectors.all()) == [solar]


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"title": "   "}, "title"),
        ({"kind": "barter"}, "kind"),
        ({"category": "lottery"}, "category"),
        ({"keywords": ",".join(f"k{i}" for i in range(13))}, "keywords"),
    ],
)
def test_publish_refuses_bad_input_with_a_sentence(world, fields, field):
    with pytest.raises(ValidationError) as exc:
        publish(world.participants[0], **fields)
    assert field in exc.value.message_dict
    assert Opportunity.objects.count() == 0


def test_only_the_author_edits_or_withdraws_unless_staff(world):
    me, other = world.participants[:2]
    o = publish(me)
    with pytest.raises(PermissionDenied):
        marketplace.edit_opportunity(opportunity=o, by=other, title="Mine now")
    with pytest.raises(PermissionDenied):
        marketplace.withdraw_opportunity(opportunity=o, by=other)
    with pytest.raises(ValidationError):
        marketplace.edit_opportunity(opportunity=o, by=me, participant=other)
    edited = marketplace.edit_opportunity(opportunity=o, by=me, title="Hydrophobic coatings")
    assert edited.title == "Hydrophobic coatings"
    marketplace.withdraw_opportunity(opportunity=o, staff=True)
    assert not Opportunity.objects.exists()


def test_react_needs_a_message_another_author_and_the_same_event(world):
    me, other = world.participants[:2]
    o = publish(me)
    with pytest.raises(ValidationError):
        marketplace.react(opportunity=o, author=other, message="   ")
    with pytest.raises(ValidationError):
        marketplace.react(opportunity=o, author=me, message="Nice")
    stranger = make_session(people=1).participants[0]
    with pytest.raises(PermissionDenied):
        marketplace.react(opportunity=o, author=stranger, message="Hello")
    reaction = marketplace.react(opportunity=o, author=other, message="We need 2 MW of it.")
    assert reaction.opportunity == o and reaction.author == other


# --- pages ---------------------------------------------------------------------------------


def test_browse_filters_and_searches_without_accents(client, world):
    a, b, c = world.participants
    solar = SectorFactory(code="solar", name_en="Solar energy", name_fr="Énergie solaire")
    publish(a, title="Revêtements anti-salissures", sectors=[solar])
    publish(b, title="Hydrogen tanks", kind="request", category="partnership")
    publish(c, title="Private deal", is_public=False)
    url = reverse("matchmaking:marketplace", args=[world.event.slug])

    page = client.get(url)  # anonymous: public ones only
    assert page.status_code == 200
    assert "Revêtements anti-salissures" in page.text and "Hydrogen tanks" in page.text
    assert "Private deal" not in page.text

    assert "Revêtements" in client.get(url, {"q": "REVETEMENTS salissure"}).text
    assert "Hydrogen" not in client.get(url, {"q": "revetements"}).text
    assert "Revêtements" not in client.get(url, {"kind": "request"}).text
    assert "Hydrogen" not in client.get(url, {"sector": "solar"}).text
    assert "Hydrogen" in client.get(url, {"category": "partnership"}).text

    login(client, a)  # participants also see those reserved to participants
    assert "Private deal" in client.get(url).text


def test_browse_queries_do_not_grow_with_the_number_of_opportunities(
    client, world, django_assert_max_num_queries
):
    url = reverse("matchmaking:marketplace", args=[world.event.slug])
    sector = SectorFactory()
    for i in range(3):
        publish(world.participants[i % 3], title=f"Offer {i}", sectors=[sector])
    client.get(url)
    with django_assert_max_num_queries(12) as small:
        client.get(url)
    for i in range(20):
        publish(world.participants[i % 3], title=f"More {i}", sectors=[sector])
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_publish_page_for_participants_only_then_my_opportunities_with_reactions(client, world):
    me, other = world.participants[:2]
    url = reverse("matchmaking:publish", args=[world.event.slug])
    stranger = UserFactory()
    client.login(email=stranger.email, password=PASSWORD)
    assert client.get(url).status_code == 403

    login(client, me)
    response = client.post(
        url, {"kind": "offer", "category": "service", "title": "", "description": "x"}
    )
    assert response.status_code == 200 and Opportunity.objects.count() == 0
    response = client.post(
        url,
        {
            "kind": "offer",
            "category": "service",
            "title": "Optical metrology",
            "description": "Interferometry.",
            "keywords": "optics, metrology",
            "is_public": "on",
        },
    )
    assert response.status_code == 302
    o = Opportunity.objects.get()
    assert o.participant == me

    login(client, other)
    detail = reverse("matchmaking:opportunity", args=[world.event.slug, o.pk])
    assert client.post(detail, {"message": "Can you measure lenses?"}).status_code == 302
    assert (
        client.post(
            reverse("matchmaking:opportunity_withdraw", args=[world.event.slug, o.pk])
        ).status_code
        == 403
    )
    edit = reverse("matchmaking:opportunity_edit", args=[world.event.slug, o.pk])
    assert client.get(edit).status_code == 403

    login(client, me)
    mine = client.get(reverse("matchmaking:my_opportunities", args=[world.event.slug]))
    assert "Optical metrology" in mine.text and "Can you measure lenses?" in mine.text
    assert OpportunityReaction.objects.count() == 1
    assert (
        client.post(
            reverse("matchmaking:opportunity_withdraw", args=[world.event.slug, o.pk])
        ).status_code
        == 302
    )
    assert not Opportunity.objects.exists()


def test_private_opportunity_is_hidden_from_strangers(client, world):
    o = publish(world.participants[0], is_public=False)
    detail = reverse("matchmaking:opportunity", args=[world.event.slug, o.pk])
    assert client.get(detail).status_code == 404
    login(client, world.participants[1])
    assert client.get(detail).status_code == 200
