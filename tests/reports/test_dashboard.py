"""The dashboard page, its CSV downloads, and who may see what."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from maillage.reports.comparison import compare
from maillage.reports.figures import compute_figures
from tests.reports import dataset
from tests.reports.dataset import YEAR_END, YEAR_START

URL = reverse("reports:dashboard")


@pytest.fixture
def world(db):
    return dataset.build()


def rows_of(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    response = client.get(URL, {"organisation": world.park.pk, "year": 2025})
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    response = client.get(reverse("reports:csv", args=["headline"]), {"year": 2025})
    assert response.status_code == 302


def test_staff_see_their_park_by_default(client, world):
    client.force_login(world.staff)
    response = client.get(URL, {"year": 2025})
    assert response.status_code == 200
    assert response.context["organisation"] == world.park
    assert [s.pk for s in response.context["scopes"]] == [world.park.pk]
    html = response.content.decode()
    assert 'data-kpi="events_held">3<' in html
    assert 'data-kpi="agreements_signed">2<' in html
    assert "Sister parks" in html and "Japan mission" in html
    yearly = f"/reports/yearly/?organisation={world.park.pk}&amp;year=2025"
    assert yearly in html  # the yearly report of what is on the screen, one click away
    form = client.get(yearly.replace("&amp;", "&")).context["form"]
    assert (form.initial["organisation"], str(form.initial["year"])) == (str(world.park.pk), "2025")


def test_staff_of_another_park_are_refused(client, world):
    client.force_login(world.outsider_staff)
    response = client.get(URL, {"organisation": world.park.pk, "year": 2025})
    assert response.status_code == 403
    assert "parks and networks you work for" in response.content.decode()
    csv_url = reverse("reports:csv", args=["headline"])
    assert client.get(csv_url, {"organisation": world.park.pk}).status_code == 403


def test_park_staff_may_not_see_their_network_but_network_staff_see_members(client, world):
    client.force_login(world.staff)
    assert client.get(URL, {"organisation": world.network.pk}).status_code == 403
    assert client.get(URL, {"organisation": world.sister.pk}).status_code == 403
    client.force_login(world.network_staff)
    for org in (world.network, world.park, world.sister):
        assert client.get(URL, {"organisation": org.pk, "year": 2025}).status_code == 200


def test_a_user_who_is_nobody_s_staff_is_told_why(client, world):
    from tests.ecosystem.factories import UserFactory

    client.force_login(UserFactory())
    response = client.get(URL)
    assert response.status_code == 403
    assert "staff of a park or a network" in response.content.decode()


def test_bad_dates_give_a_clear_message(client, world):
    client.force_login(world.staff)
    response = client.get(URL, {"start": "2025-05-01", "end": "2025-01-01"})
    assert response.status_code == 400
    assert "The period ends before it starts" in response.content.decode()
    response = client.get(URL, {"organisation": "abc"})
    assert response.status_code == 400
    assert "no park or network with this number" in response.content.decode()


def test_network_page_has_its_member_table_and_comparison(client, world):
    client.force_login(world.admin)
    response = client.get(URL, {"organisation": world.network.pk, "year": 2025})
    board = response.context["board"]
    assert [m.name for m in board.members] == ["Château-Gombert", "Luminy"]
    expected = compare(
        compute_figures(scope=world.network, start=YEAR_START, end=YEAR_END),
        compute_figures(
            scope=world.network,
            start=YEAR_START.replace(year=2024),
            end=YEAR_END.replace(year=2024),
        ),
    )
    assert [(c.key, c.current, c.previous) for c in board.changes] == [
        (c.key, c.current, c.previous) for c in expected
    ]
    assert 'id="members"' in response.content.decode()


def test_dashboard_queries_are_bounded(client, world, django_assert_max_num_queries):
    client.force_login(world.admin)
    with django_assert_max_num_queries(100):
        response = client.get(URL, {"organisation": world.network.pk, "year": 2025})
    assert response.status_code == 200


def test_headline_csv(client, world):
    client.force_login(world.staff)
    response = client.get(
        reverse("reports:csv", args=["headline"]), {"organisation": world.park.pk, "year": 2025}
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "chateau-gombert-headline-2025-01-01-2025-12-31.csv" in response["Content-Disposition"]
    rows = rows_of(response)
    assert rows[0] == ["Figure", "2025", "2024", "Difference", "Change (%)"]
    by_label = {r[0]: r[1:] for r in rows[1:]}
    assert by_label["Events held"] == ["3", "0", "3", ""]
    assert by_label["Agreements active"][0] == "3"


def test_chart_csv_is_the_chart_table(client, world):
    client.force_login(world.staff)
    params = {"organisation": world.park.pk, "year": 2025}
    rows = rows_of(client.get(reverse("reports:csv", args=["meetings"]), params))
    assert rows == [
        ["Meeting stage", "Meetings"],
        ["Requested", "3"],
        ["Scheduled", "3"],
        ["Held", "2"],
    ]
    rows = rows_of(client.get(reverse("reports:csv", args=["countries"]), params))
    assert rows[0] == ["Country", "Code", "Agreements", "Delegations", "Participants"]
    assert ["China", "CN", "1", "1", "1"] in rows


def test_list_and_member_csv(client, world):
    client.force_login(world.network_staff)
    params = {"organisation": world.network.pk, "year": 2025}
    rows = rows_of(client.get(reverse("reports:csv", args=["members"]), params))
    assert rows[1][:4] == ["Château-Gombert", "FR", "3", "6"]
    rows = rows_of(client.get(reverse("reports:csv", args=["delegation_list"]), params))
    assert rows[1][:3] == ["Chengdu visit", "Incoming", "2025-04-10"]
    assert client.get(reverse("reports:csv", args=["nothing"]), params).status_code == 404


def test_custom_period_in_french(client, world):
    client.force_login(world.staff)
    response = client.get(
        URL,
        {"organisation": world.park.pk, "start": "2025-06-01", "end": "2025-06-30"},
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert response.status_code == 200
    assert response.context["board"].figures.events.held == 1
    assert response.context["board"].previous.period.start.isoformat() == "2025-05-02"


def test_an_empty_year_renders_without_charts(client, world):
    client.force_login(world.staff)
    response = client.get(URL, {"organisation": world.park.pk, "year": 2010})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("Nothing to show for this period.") == len(response.context["board"].charts)
    assert "None in this period." in html
    assert all(c.direction == "same" for c in response.context["board"].changes)
