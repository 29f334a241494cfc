"""Recommendations: the pure engine on plain data, then the loader and page on the database."""

from __future__ import annotations

import pytest

from maillage.matchmaking.services.recommendations import (
    Opportunity,
    Profile,
    ReasonKind,
    recommend,
)
from maillage.matchmaking.services.terms import stem, terms


def profile(pid, *opportunities, org=None, sectors=(), text=""):
    return Profile(
        id=pid,
        name=f"P{pid}",
        organisation_id=org if org is not None else 1000 + pid,
        sectors=frozenset(sectors),
        text=text,
        opportunities=tuple(opportunities),
    )


def offer(oid, title, text="", sectors=()):
    return Opportunity(oid, "offer", title, text, frozenset(sectors))


def request(oid, title, text="", sectors=()):
    return Opportunity(oid, "request", title, text, frozenset(sectors))


# --- words ---------------------------------------------------------------------------------


def test_french_and_english_forms_share_a_stem():
    assert sorted(terms("Revêtements solaires")) == sorted(terms("solar coatings"))
    assert stem("optique") == stem("optics") == stem("optical")
    assert stem("industriel") == stem("industrial") == stem("industry")
    assert stem("cybersecurite") == stem("cybersecurity")
    assert stem("energie") == stem("energy")


def test_stop_words_of_both_languages_and_accents_are_ignored():
    assert terms("Nous cherchons des capteurs pour la qualité de l'eau") == terms(
        "sensors quality water"
    )
    assert terms("Énergie") == terms("ENERGIE") == terms("energie")
    assert terms("the and of les des pour") == []


# --- ranking -------------------------------------------------------------------------------


def test_an_offer_answering_a_request_is_found_across_languages_with_its_reason():
    me = profile(1, request(11, "Revêtements solaires", "revêtements pour panneaux solaires"))
    supplier = profile(
        2, offer(21, "Anti-soiling coatings for solar panels", "coatings keep panels clean")
    )
    unrelated = profile(3, offer(31, "Cybersecurity audits", "penetration testing of networks"))
    result = recommend([me, supplier, unrelated])
    first = result[1][0]
    assert first.participant_id == 2
    reason = first.reasons[0]
    assert reason.kind == ReasonKind.THEIR_OFFER_ANSWERS_MY_REQUEST
    assert (reason.mine, reason.theirs) == (
        "Revêtements solaires",
        "Anti-soiling coatings for solar panels",
    )
    assert [r.participant_id for r in result[1]] == [2]
    # and the supplier is told that its offer answers my request
    back = result[2][0]
    assert back.participant_id == 1
    assert back.reasons[0].kind == ReasonKind.MY_OFFER_ANSWERS_THEIR_REQUEST
    assert back.answers_a_request


def test_an_answering_offer_ranks_above_mere_similarity_and_shared_sectors():
    me = profile(
        1,
        request(11, "Hydrophobic coatings", "coatings that repel dust and water"),
        offer(12, "Solar panel installation", "we install solar panels on roofs"),
        sectors=["Solar energy", "Optics"],
    )
    # very alike (also installs solar panels, same sectors) but answers nothing
    twin = profile(
        2,
        offer(21, "Solar panel installation and maintenance", "we install solar panels on roofs"),
        sectors=["Solar energy", "Optics"],
    )
    # answers the request, other sector
    supplier = profile(
        3,
        offer(31, "Anti-soiling coatings", "hydrophobic coatings for glass"),
        sectors=["Materials"],
    )
    ranked = recommend([me, twin, supplier])[1]
    assert [r.participant_id for r in ranked] == [3, 2]
    assert ranked[1].reasons[0].kind == ReasonKind.SHARED_SECTORS
    assert ranked[1].reasons[0].words == ("Optics", "Solar energy")
    assert ranked[1].reasons[1].kind == ReasonKind.SIMILAR_INTERESTS
    assert "solar" in ranked[1].reasons[1].words


def test_colleagues_excluded_pairs_and_rules_are_respected():
    me = profile(1, request(11, "hydrogen storage tanks"), org=7)
    colleague = profile(2, offer(21, "hydrogen storage tanks"), org=7)
    declined = profile(3, offer(31, "hydrogen storage tanks"))
    forbidden = profile(4, offer(41, "hydrogen storage tanks"))
    allowed = profile(5, offer(51, "hydrogen tanks"))
    result = recommend(
        [me, colleague, declined, forbidden, allowed],
        for_ids=[1],
        exclude={1: {3}},
        can_meet=lambda a, b: b != 4,
    )
    assert list(result) == [1]
    assert [r.participant_id for r in result[1]] == [5]


def test_no_common_ground_gives_no_recommendation_and_limit_is_kept():
    people = [
        profile(i, offer(i, f"solar panels model {i}"), sectors=["Solar energy"])
        for i in range(1, 30)
    ]
    people.append(profile(99, request(990, "blockchain notary")))
    result = recommend(people, limit=5)
    assert result[99] == []
    assert all(len(result[i]) == 5 for i in range(1, 30))
    assert recommend([]) == {}


def test_deterministic_order_on_ties():
    people = [profile(1, request(1, "laser welding"))] + [
        profile(i, offer(i, "laser welding")) for i in (5, 3, 4, 2)
    ]
    ranked = recommend(people)[1]
    assert [r.participant_id for r in ranked] == [2, 3, 4, 5]
    assert ranked == recommend(list(reversed(people)))[1]


@pytest.mark.parametrize("text", ["", "   ", "de la du", "123 456"])
def test_empty_texts_are_harmless(text):
    result = recommend([profile(1, request(1, text)), profile(2, offer(2, text))])
    assert result == {1: [], 2: []}


# --- from the database and on the participant's page ---------------------------------------

from django.urls import reverse  # noqa: E402

from maillage.matchmaking.services import marketplace, profiles, sessions, wishes  # noqa: E402
from tests.events.factories import PASSWORD, SectorFactory  # noqa: E402
from tests.matchmaking.published import make_session  # noqa: E402


def _publish(participant, kind, title, description="", sectors=()):
    return marketplace.publish_opportunity(
        participant=participant,
        kind=kind,
        category="product",
        title=title,
        description=description,
        sectors=sectors,
    )


@pytest.mark.django_db
def test_loader_uses_opportunities_sectors_rules_and_no_thanks(client):
    world = make_session(people=5)
    me, supplier, twin, investor, declined = world.participants
    solar = SectorFactory(code="solar", name_en="Solar energy", name_fr="Énergie solaire")
    _publish(me, "request", "Revêtements pour panneaux solaires", "revêtements anti-salissures")
    _publish(supplier, "offer", "Anti-soiling coatings for solar panels", sectors=[solar])
    _publish(twin, "request", "Revêtements solaires pour toitures", sectors=[solar])
    _publish(investor, "offer", "Coatings for solar panels")
    _publish(declined, "offer", "Solar panel coatings")
    investor.registration.participation_type = "investor"
    investor.registration.save()
    sessions.set_rule(session=world.session, type_a="sme", type_b="investor", may_meet=False)
    wishes.set_wish(author=me, target=declined, level="no_thanks")

    found = profiles.recommendations_for(world.session, participant_ids=[me.pk])[me.pk]
    ids = [r.participant_id for r in found]
    assert ids[0] == supplier.pk and investor.pk not in ids and declined.pk not in ids
    assert twin.pk in ids

    client.login(email=me.registration.person.user.email, password=PASSWORD)
    url = reverse("matchmaking:recommendations", args=[world.session.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert (
        "your request “Revêtements pour panneaux solaires” matches their offer “Anti-soiling coatings for solar panels”"
        in page.text
    )
    assert reverse("matchmaking:request_send", args=[world.session.pk, supplier.pk]) in page.text


@pytest.mark.django_db
def test_recommendations_page_queries_do_not_grow_and_strangers_get_404(
    client, django_assert_max_num_queries
):
    world = make_session(people=4)
    for p in world.participants:
        _publish(p, "offer", "Laser welding", sectors=[SectorFactory()])
        _publish(p, "request", "Laser welding robots")
    me = world.participants[0]
    client.login(email=me.registration.person.user.email, password=PASSWORD)
    url = reverse("matchmaking:recommendations", args=[world.session.pk])
    client.get(url)
    with django_assert_max_num_queries(25) as few:
        client.get(url)
    bigger = make_session(people=12)
    for p in bigger.participants:
        _publish(p, "offer", "Laser welding", sectors=[SectorFactory()])
        _publish(p, "request", "Laser welding robots")
    me = bigger.participants[0]
    client.login(email=me.registration.person.user.email, password=PASSWORD)
    url = reverse("matchmaking:recommendations", args=[bigger.session.pk])
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200
    client.login(email=world.participants[1].registration.person.user.email, password=PASSWORD)
    assert client.get(url).status_code == 404
