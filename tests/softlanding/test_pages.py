from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from maillage.softlanding import services
from maillage.softlanding.enums import ApplicationStatus as S
from maillage.softlanding.models import Application, HostOffer, Programme, Score
from tests.softlanding.conftest import START


def test_home_park_endorses_an_application(client, sl):
    client.force_login(sl["users"]["inovallee"])
    url = reverse("softlanding:application_create", args=[sl["programme"].pk])
    assert client.get(url).status_code == 200
    r = client.post(
        url,
        {
            "startup": sl["startup"].pk,
            "home_park": sl["inovallee"].pk,
            "stage": "seed",
            "team_size": 2,
            "starts_on": "2030-03-01",
            "ends_on": "2030-05-31",
            "needs": ["desk", "legal_visa"],
            "target_countries": "cn",
            "languages": "en",
            "pref_1": sl["zgc_offer"].pk,
        },
    )
    app = Application.objects.get()
    assert r.status_code == 302 and r.url == app.get_absolute_url()
    assert app.target_countries == "CN" and app.preferences.get().offer == sl["zgc_offer"]


def test_closed_programme_form_says_so(client, sl):
    services.set_programme_open(programme=sl["programme"], is_open=False)
    client.force_login(sl["users"]["inovallee"])
    r = client.post(
        reverse("softlanding:application_create", args=[sl["programme"].pk]),
        {
            "startup": sl["startup"].pk,
            "home_park": sl["inovallee"].pk,
            "stage": "seed",
            "team_size": 1,
            "starts_on": "2030-03-01",
            "ends_on": "2030-05-31",
        },
    )
    assert r.status_code == 200 and "closed to applications" in r.content.decode()
    assert not Application.objects.exists()


def test_board_moves_with_htmx_and_reports_errors(client, sl, application):
    client.force_login(sl["users"]["zgc"])
    board = client.get(reverse("softlanding:board", args=[sl["programme"].pk])).content.decode()
    assert "Medtech Startup" in board and 'data-column="applied"' in board
    move = reverse("softlanding:application_move", args=[application.pk])
    r = client.post(move, {"to_status": "screening"}, HTTP_HX_REQUEST="true")
    assert r.status_code == 200 and 'id="board"' in r.content.decode()
    r = client.post(move, {"to_status": "landed"}, HTTP_HX_REQUEST="true")
    assert r.status_code == 422 and "cannot move to" in r.content.decode()
    client.post(move, {"to_status": "matched", "offer": sl["zgc_offer"].pk}, HTTP_HX_REQUEST="true")
    client.post(move, {"to_status": "agreed"}, HTTP_HX_REQUEST="true")
    client.post(move, {"to_status": "landed"}, HTTP_HX_REQUEST="true")
    application.refresh_from_db()
    assert application.status == S.LANDED
    r = client.post(
        reverse("softlanding:outcome_add", args=[application.pk]),
        {"months": 6, "jobs": 2, "contracts": 1, "funds_raised": "1000"},
    )
    assert application.outcomes.get().jobs == 2


def test_matching_page_proposes_and_accepts(client, sl, application):
    client.force_login(sl["users"]["inovallee"])
    page = client.get(reverse("softlanding:matching", args=[sl["programme"].pk])).content.decode()
    assert "Medtech Startup" in page
    r = client.post(
        reverse("softlanding:matching_accept", args=[sl["programme"].pk]),
        {f"app-{application.pk}": sl["zgc_offer"].pk},
    )
    assert r.status_code == 302
    application.refresh_from_db()
    assert application.status == S.MATCHED and application.assigned_offer == sl["zgc_offer"]


def test_detail_shows_ranked_hosts_and_scores(client, sl, application):
    client.force_login(sl["users"]["inovallee"])
    team, fit = sl["programme"].criteria.all()
    client.post(
        reverse("softlanding:application_score", args=[application.pk]),
        {f"criterion-{team.pk}": 4, f"criterion-{fit.pk}": 5},
    )
    page = client.get(application.get_absolute_url()).content.decode()
    assert "Hosts ranked by fit" in page and "ZGC Group" in page and "88.0 / 100" in page


def test_programme_and_offer_forms(client, sl):
    client.force_login(sl["users"]["zgc"])
    r = client.post(
        reverse("softlanding:offer_create", args=[sl["programme"].pk]),
        {
            "host": sl["zgc"].pk,
            "desks": 3,
            "available_from": "2030-06-01",
            "available_until": "2030-01-01",
        },
    )
    assert r.status_code == 200 and "end date comes before" in r.content.decode()
    assert HostOffer.objects.count() == 2
    r = client.post(
        reverse("softlanding:programme_create"),
        {"name": "ZGC only", "organisers": [sl["zgc"].pk], "is_open": "on", "criteria": "Team: x"},
    )
    assert "name: weight" in r.content.decode()
    r = client.post(
        reverse("softlanding:programme_create"),
        {"name": "ZGC only", "organisers": [sl["zgc"].pk], "is_open": "on", "criteria": "Team: 2"},
    )
    assert (
        r.status_code == 302 and Programme.objects.get(name="ZGC only").criteria.get().weight == 2
    )


def test_host_sees_only_applications_addressed_to_it(client, sl, application):
    other = services.submit_application(
        user=sl["users"]["inovallee"],
        programme=sl["programme"],
        startup=sl["startup"],
        home_park=sl["inovallee"],
        starts_on=START,
        ends_on=START + dt.timedelta(days=30),
        preferences=[sl["ino_offer"]],
    )
    # A third park hosting in the programme but not addressed by `application`.
    geno_offer = services.create_offer(
        programme=sl["programme"],
        host=sl["genopole"],
        desks=1,
        available_from=START,
        available_until=START + dt.timedelta(days=365),
    )
    client.force_login(sl["users"]["genopole"])
    assert (
        client.get(sl["programme"].get_absolute_url()).status_code == 200
    )  # it hosts in the programme
    assert client.get(application.get_absolute_url()).status_code == 404
    assert client.get(other.get_absolute_url()).status_code == 404
    board = client.get(reverse("softlanding:board", args=[sl["programme"].pk])).content.decode()
    assert "Medtech Startup" not in board
    assert geno_offer.pk


@pytest.mark.parametrize("who", ["stranger", "anonymous"])
def test_strangers_see_nothing_and_change_nothing(client, sl, application, who):
    from tests.ecosystem.factories import ParkFactory, UserFactory

    if who == "stranger":
        client.force_login(UserFactory(staff_of=[ParkFactory(name="Elsewhere")]))
    expected = 404 if who == "stranger" else 302
    pk, ppk = application.pk, sl["programme"].pk
    for url in [
        reverse("softlanding:programme", args=[ppk]),
        reverse("softlanding:board", args=[ppk]),
        reverse("softlanding:matching", args=[ppk]),
        application.get_absolute_url(),
        reverse("softlanding:offer_create", args=[ppk]),
        reverse("softlanding:programme_edit", args=[ppk]),
    ]:
        assert client.get(url).status_code == expected, url
    team = sl["programme"].criteria.first()
    for url, data in [
        (reverse("softlanding:application_move", args=[pk]), {"to_status": "screening"}),
        (reverse("softlanding:application_score", args=[pk]), {f"criterion-{team.pk}": 5}),
        (
            reverse("softlanding:outcome_add", args=[pk]),
            {"months": 6, "jobs": 1, "contracts": 0, "funds_raised": 0},
        ),
        (reverse("softlanding:matching_accept", args=[ppk]), {f"app-{pk}": sl["zgc_offer"].pk}),
        (reverse("softlanding:application_create", args=[ppk]), {}),
    ]:
        assert client.post(url, data).status_code in (expected, 403), url
    if who == "stranger":
        assert (
            "Cross soft landing"
            not in client.get(reverse("softlanding:programmes")).content.decode()
        )
    application.refresh_from_db()
    assert application.status == S.APPLIED and not Score.objects.exists()
    assert Application.objects.count() == 1


def test_host_staff_can_score_but_not_run_the_programme(client, sl, application):
    client.force_login(sl["users"]["zgc"])  # ZGC is an organiser here; make a pure host instead
    services.update_programme(
        programme=sl["programme"],
        user=None,
        name="Cross soft landing",
        organisers=[sl["inovallee"]],
    )
    assert client.get(application.get_absolute_url()).status_code == 200
    assert client.get(reverse("softlanding:matching", args=[sl["programme"].pk])).status_code == 403
    r = client.post(
        reverse("softlanding:application_move", args=[application.pk]), {"to_status": "screening"}
    )
    assert r.status_code == 403
    team = sl["programme"].criteria.first()
    client.post(
        reverse("softlanding:application_score", args=[application.pk]), {f"criterion-{team.pk}": 3}
    )
    assert Score.objects.get().value == 3


def test_board_queries_do_not_grow(client, sl, django_assert_max_num_queries):
    from tests.ecosystem.factories import OrganisationFactory

    for _ in range(10):
        services.submit_application(
            user=None,
            programme=sl["programme"],
            startup=OrganisationFactory(host_park=sl["inovallee"]),
            home_park=sl["inovallee"],
            starts_on=START,
            ends_on=START + dt.timedelta(days=30),
            preferences=[sl["zgc_offer"], sl["ino_offer"]],
        )
    client.force_login(sl["users"]["inovallee"])
    with django_assert_max_num_queries(16):
        client.get(reverse("softlanding:board", args=[sl["programme"].pk]))


def test_programme_edit_closes_and_updates_the_grid(client, sl):
    client.force_login(sl["users"]["inovallee"])
    url = reverse("softlanding:programme_edit", args=[sl["programme"].pk])
    assert client.get(url).status_code == 200
    r = client.post(
        url,
        {
            "name": "Cross soft landing",
            "organisers": [sl["inovallee"].pk, sl["zgc"].pk],
            "criteria": "Team: 5",
        },
    )
    assert r.status_code == 302
    sl["programme"].refresh_from_db()
    assert not sl["programme"].is_open
    assert list(sl["programme"].criteria.values_list("name", "weight")) == [("Team", 5)]
