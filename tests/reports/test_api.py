"""The reports API returns the figures of compute_figures, under the dashboard's rules."""

from __future__ import annotations

import pytest

from maillage.accounts.models import ApiToken
from maillage.reports.comparison import compare
from maillage.reports.figures import compute_figures
from tests.reports import dataset
from tests.reports.dataset import YEAR_END, YEAR_START


@pytest.fixture
def world(db):
    return dataset.build()


def url(org, what="figures"):
    return f"/api/v1/reports/{org.pk}/{what}"


def without_clock(data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "computed_at"}


def test_figures_json_equals_the_function(client, world):
    client.force_login(world.staff)
    response = client.get(url(world.park), {"year": 2025})
    assert response.status_code == 200
    expected = compute_figures(scope=world.park, start=YEAR_START, end=YEAR_END).as_dict()
    assert without_clock(response.json()) == without_clock(expected)


def test_token_callers_and_custom_periods(client, world):
    _token, key = ApiToken.issue(user=world.network_staff, name="script")
    response = client.get(
        url(world.network),
        {"start": "2025-06-01", "end": "2025-06-30"},
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 200
    assert response.json()["events"]["held"] == 1
    assert response.json()["start"] == "2025-06-01"


def test_comparison_and_members(client, world):
    client.force_login(world.network_staff)
    data = client.get(url(world.network, "comparison"), {"year": 2025}).json()
    assert (data["previous_start"], data["previous_end"]) == ("2024-01-01", "2024-12-31")
    expected = compare(
        compute_figures(scope=world.network, start=YEAR_START, end=YEAR_END),
        compute_figures(
            scope=world.network,
            start=YEAR_START.replace(year=2024),
            end=YEAR_END.replace(year=2024),
        ),
    )
    assert data["changes"] == [c.as_dict() for c in expected]
    members = client.get(url(world.network, "members"), {"year": 2025}).json()
    assert [m["name"] for m in members] == ["Château-Gombert", "Luminy"]
    assert members[0]["events_held"] == 3
    assert client.get(url(world.park, "members"), {"year": 2025}).json() == []


def test_scopes_list_what_the_caller_may_see(client, world):
    client.force_login(world.network_staff)
    names = [s["name"] for s in client.get("/api/v1/reports/scopes").json()]
    # The network first, then its parks, including one that left it (for past years).
    assert names == ["Aix-Marseille technopoles", "Arbois", "Château-Gombert", "Luminy"]


def test_errors(client, world):
    response = client.get(url(world.park), {"year": 2025})
    assert response.status_code == 401
    assert client.get("/api/v1/reports/scopes").status_code == 401
    client.force_login(world.outsider_staff)
    response = client.get(url(world.park))
    assert response.status_code == 403
    assert response.json()["detail"].startswith("You may only see the reports")
    client.force_login(world.staff)
    bad_year = client.get(url(world.park), {"year": "x"})  # 400 before the one error policy
    assert bad_year.status_code == 422
    assert bad_year.json()["detail"] == "The year is a number such as 2025."
    assert client.get("/api/v1/reports/999999/figures").status_code == 404


def test_a_dashboard_table_as_csv(client, world):
    client.force_login(world.staff)
    r = client.get(url(world.park, "csv/headline"), {"year": 2025})
    assert r.status_code == 200, r.content
    assert r["Content-Type"].startswith("text/csv")
    assert "2025-01-01-2025-12-31.csv" in r["Content-Disposition"]
    assert r.content.decode().splitlines()[0].startswith("Figure,")
    assert client.get(url(world.park, "csv/no-such-table"), {"year": 2025}).status_code == 404
    assert client.get(url(world.park, "csv/headline"), {"year": "20x5"}).status_code == 422


def test_figures_are_typed_in_the_openapi_document():
    from maillage.api import api

    paths = api.get_openapi_schema()["paths"]
    for what, schema in [("figures", "FiguresOut"), ("comparison", "ComparisonOut")]:
        responses = paths[f"/api/v1/reports/{{organisation_id}}/{what}"]["get"]["responses"]
        ok = {str(k): v for k, v in responses.items()}["200"]
        assert ok["content"]["application/json"]["schema"] == {
            "$ref": f"#/components/schemas/{schema}"
        }


def test_another_parks_staff_get_no_csv(client, world):
    client.force_login(world.outsider_staff)
    assert client.get(url(world.park, "csv/headline"), {"year": 2025}).status_code == 403
    client.logout()
    assert client.get(url(world.park, "csv/headline"), {"year": 2025}).status_code == 401
