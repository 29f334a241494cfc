"""The directory's map and exports through the API (the same filters as the search), and the
company page edited by its people or the park's staff."""

from __future__ import annotations

import pytest

from maillage.accounts.models import ApiToken
from maillage.ecosystem.models import Organisation
from tests.ecosystem import directory_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def d():
    return directory_data.build()


def bearer(user) -> dict:
    _obj, token = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_map_points_carry_their_page(client, d):
    data = client.get("/api/v1/directory/map", {"q": "genopole"}).json()
    assert [p["name"] for p in data["points"]] == ["Génopole"]
    assert data["points"][0]["url"] == d.genopole.get_absolute_url()
    assert data["capped"] is False
    assert client.get("/api/v1/directory/map", {"park": "no-such-park"}).status_code == 422


def test_csv_and_xlsx_exports(client, d):
    response = client.get("/api/v1/directory/export.csv", {"q": "genopole"})
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Génopole" in body and len(body.strip().splitlines()) == 2
    xlsx = client.get("/api/v1/directory/export.xlsx", {"q": "genopole"})
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    assert "attachment" in xlsx["Content-Disposition"]
    assert client.get("/api/v1/directory/export.csv", {"sector": "nope"}).status_code == 422


def test_the_company_page_is_edited_by_those_who_may(client, d):
    url = f"/api/v1/organisations/{d.biotech.slug}/page"
    body = {"description_en": "Marine biotech.", "aliases": ["MB"]}
    kw = {"content_type": "application/json"}
    assert client.patch(url, body, **kw).status_code == 401
    assert client.patch(url, body, **kw, **bearer(d.staff_b)).status_code == 403
    assert client.patch(url, {"name": "Renamed"}, **kw, **bearer(d.staff_a)).status_code == 422
    done = client.patch(url, body, **kw, **bearer(d.staff_a))
    assert done.status_code == 200, done.content
    assert done.json()["aliases"] == ["MB"]
    assert Organisation.objects.get(pk=d.biotech.pk).description_en == "Marine biotech."
    bad = client.patch(url, {"sectors": ["nope"]}, **kw, **bearer(d.staff_a))
    assert bad.status_code == 422
