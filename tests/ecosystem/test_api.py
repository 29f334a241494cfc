import pytest
from django.test import Client

from maillage.accounts.models import ApiToken
from maillage.ecosystem.models import Organisation
from tests.ecosystem import directory_data
from tests.ecosystem.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def d():
    return directory_data.build()


def bearer(user) -> dict:
    _obj, token = ApiToken.issue(user=user, name="test")
    return {"Authorization": f"Bearer {token}"}


def test_search_organisations(client, d):
    data = client.get("/api/v1/organisations", {"q": "genopole"}).json()
    assert [o["name"] for o in data["items"]] == ["Génopole"]
    assert data["next"] is None and data["page"] == 1
    genopole = data["items"][0]
    assert genopole["slug"] == d.genopole.slug and genopole["kind"] == "park"
    assert genopole["sectors"] == ["health"] and genopole["url"] == d.genopole.get_absolute_url()


def test_search_filters_and_pages(client, d):
    data = client.get("/api/v1/organisations", {"sector": "health", "kind": "company"}).json()
    assert [o["name"] for o in data["items"]] == ["Planktovie"]
    assert data["items"][0]["host_park"] == d.park_a.slug
    data = client.get("/api/v1/organisations", {"network": d.network.slug, "country": "fr"}).json()
    assert [o["name"] for o in data["items"]] == [
        "Sophia Antipolis",
        "Technopôle de Château-Gombert",
    ]
    for n in range(5):
        OrganisationFactory(name=f"Zeta {n}")
    first = client.get("/api/v1/organisations", {"q": "zeta", "page_size": 2}).json()
    assert len(first["items"]) == 2 and "page=2" in first["next"] and first["previous"] is None
    last = client.get(
        first["next"].replace("http://testserver", "").replace("page=2", "page=3")
    ).json()
    assert [o["name"] for o in last["items"]] == ["Zeta 4"] and last["next"] is None


def test_search_query_count_is_bounded(client, d, django_assert_max_num_queries):
    for n in range(30):
        OrganisationFactory(name=f"Company {n}", host_park=d.park_a, sectors=[d.medtech])
    with django_assert_max_num_queries(4):
        data = client.get("/api/v1/organisations", {"q": "company", "page_size": 30}).json()
    assert len(data["items"]) == 30


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"country": "XX"}, "country"),
        ({"kind": "spaceship"}, "kind"),
        ({"sector": "nope"}, "sector"),
        ({"park": "nowhere"}, "park"),
        ({"page": 0}, "page"),
    ],
)
def test_search_rejects_bad_filters_naming_the_field(client, d, params, field):
    response = client.get("/api/v1/organisations", params)
    assert response.status_code == 422
    # errors name the fields; detail is one sentence (the API's one error body, api/errors.py)
    assert field in [part for error in response.json()["errors"] for part in error["loc"]]


def test_get_one_organisation_and_404(client, d):
    data = client.get(f"/api/v1/organisations/{d.lab.slug}").json()
    assert data["country"] == "CN" and data["parent"] == d.genopole.slug
    assert client.get("/api/v1/organisations/does-not-exist").status_code == 404


def test_staff_creates_an_organisation_with_a_token(client, d):
    body = {
        "name": "DualSun",
        "kind": "company",
        "country": "fr",
        "city": "Marseille",
        "sectors": ["medtech"],
        "host_park": d.park_a.slug,
        "aliases": ["Dual Sun"],
    }
    response = client.post(
        "/api/v1/organisations", body, content_type="application/json", headers=bearer(d.staff_a)
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert (
        data["country"] == "FR"
        and data["sectors"] == ["medtech"]
        and data["aliases"] == ["Dual Sun"]
    )
    assert Organisation.objects.get(slug=data["slug"]).host_park == d.park_a


def test_create_refused_to_participants_and_anonymous(client, d):
    body = {"name": "X", "kind": "company", "country": "FR"}
    response = client.post(
        "/api/v1/organisations",
        body,
        content_type="application/json",
        headers=bearer(d.participant),
    )
    assert response.status_code == 403
    assert (
        client.post("/api/v1/organisations", body, content_type="application/json").status_code
        == 401
    )
    assert not Organisation.objects.filter(name="X").exists()


def test_create_in_a_park_one_does_not_manage_is_forbidden(client, d):
    body = {"name": "X", "kind": "company", "country": "FR", "host_park": d.park_b.slug}
    response = client.post(
        "/api/v1/organisations", body, content_type="application/json", headers=bearer(d.staff_a)
    )
    assert response.status_code == 403
    assert not Organisation.objects.filter(name="X").exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "X", "kind": "company", "country": "ZZ"}, "country"),
        ({"name": "X", "kind": "rocket", "country": "FR"}, "kind"),
        ({"name": "X", "country": "FR"}, "kind"),
        ({"name": "X", "kind": "company", "country": "FR", "sectors": ["nope"]}, "sectors"),
        ({"name": "X", "kind": "company", "country": "FR", "parent": "nope"}, "parent"),
        ({"name": "X", "kind": "company", "country": "FR", "latitude": 200}, "latitude"),
        ({"name": "X", "kind": "company", "country": "FR", "subtype": "university"}, "subtype"),
        ({"name": "X", "kind": "company", "country": "FR", "colour": "blue"}, "colour"),
    ],
)
def test_create_with_bad_body_is_422_naming_the_field(client, d, body, field):
    response = client.post(
        "/api/v1/organisations", body, content_type="application/json", headers=bearer(d.admin)
    )
    assert response.status_code == 422, response.content
    errors = response.json()["errors"]
    assert field in [part for error in errors for part in error["loc"]]
    assert all(error["msg"] for error in errors) and response.json()["detail"]
    assert not Organisation.objects.filter(name="X").exists()


def test_create_with_malformed_json_is_rejected(client, d):
    response = client.post(
        "/api/v1/organisations",
        "{not json",
        content_type="application/json",
        headers=bearer(d.admin),
    )
    assert response.status_code in (400, 422)


def test_patch_by_managing_staff(client, d):
    response = client.patch(
        f"/api/v1/organisations/{d.biotech.slug}",
        {"city": "Aubagne", "latitude": 43.29, "longitude": 5.57},
        content_type="application/json",
        headers=bearer(d.staff_a),
    )
    assert response.status_code == 200, response.content
    d.biotech.refresh_from_db()
    assert d.biotech.city == "Aubagne" and d.biotech.name == "Planktovie"


def test_patch_by_other_park_is_forbidden_and_unchanged(client, d):
    response = client.patch(
        f"/api/v1/organisations/{d.biotech.slug}",
        {"name": "Hijacked"},
        content_type="application/json",
        headers=bearer(d.staff_b),
    )
    assert response.status_code == 403
    d.biotech.refresh_from_db()
    assert d.biotech.name == "Planktovie"


def test_patch_unknown_and_anonymous(client, d):
    headers = bearer(d.admin)
    assert (
        client.patch(
            "/api/v1/organisations/nope",
            {"name": "Y"},
            content_type="application/json",
            headers=headers,
        ).status_code
        == 404
    )
    assert (
        client.patch(
            f"/api/v1/organisations/{d.biotech.slug}",
            {"name": "Y"},
            content_type="application/json",
        ).status_code
        == 401
    )
    d.biotech.refresh_from_db()
    assert d.biotech.name == "Planktovie"


def test_patch_with_bad_country_is_422_and_unchanged(client, d):
    response = client.patch(
        f"/api/v1/organisations/{d.biotech.slug}",
        {"country": "Atlantis"},
        content_type="application/json",
        headers=bearer(d.staff_a),
    )
    assert response.status_code == 422
    assert "country" in response.json()["errors"][0]["loc"]
    d.biotech.refresh_from_db()
    assert d.biotech.country == "FR"


def test_session_writes_need_the_csrf_token(d):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(d.staff_a)
    response = browser.patch(
        f"/api/v1/organisations/{d.biotech.slug}", {"name": "Y"}, content_type="application/json"
    )
    assert response.status_code == 403
    d.biotech.refresh_from_db()
    assert d.biotech.name == "Planktovie"
    browser.get("/directory/")  # sets the CSRF cookie
    token = browser.cookies["csrftoken"].value
    response = browser.patch(
        f"/api/v1/organisations/{d.biotech.slug}",
        {"name": "Planktovie SAS"},
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 200


def test_revoked_or_wrong_token_cannot_write(client, d):
    obj, token = ApiToken.issue(user=d.staff_a, name="t")
    obj.delete()
    response = client.patch(
        f"/api/v1/organisations/{d.biotech.slug}",
        {"name": "Y"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 401


def test_people_anonymous_sees_consented_only(client, d):
    data = client.get("/api/v1/people").json()
    assert [p["last_name"] for p in data["items"]] == ["Visible"]
    assert data["items"][0]["email"] is None
    assert data["items"][0]["organisations"] == [
        {"slug": d.biotech.slug, "name": "Planktovie", "job_title": "CEO"}
    ]


def test_people_staff_see_their_organisations_people(client, d):
    data = client.get("/api/v1/people", headers=bearer(d.staff_a)).json()
    assert [p["last_name"] for p in data["items"]] == ["Hidden", "Visible"]
    assert all(p["email"] for p in data["items"])
    other = client.get("/api/v1/people", headers=bearer(d.staff_b)).json()
    assert [p["last_name"] for p in other["items"]] == ["Visible"]


def test_sectors_and_networks(client, d):
    sectors = client.get("/api/v1/sectors").json()
    medtech = next(s for s in sectors if s["code"] == "medtech")
    assert medtech["parent"] == "health"
    networks = client.get("/api/v1/networks").json()
    assert networks == [
        {
            "slug": d.network.slug,
            "name": "Club des Technopoles",
            "country": "FR",
            "member_count": 2,
            "url": d.network.get_absolute_url(),
        }
    ]
    members = client.get(f"/api/v1/networks/{d.network.slug}/members").json()
    assert {(m["name"], m["role"]) for m in members["items"]} == {
        ("Sophia Antipolis", "founding_member"),
        ("Technopôle de Château-Gombert", "member"),
    }
    assert client.get("/api/v1/networks/nope/members").status_code == 404


def test_openapi_and_docs_work_offline(client, d):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/organisations" in schema["paths"]
    html = client.get("/api/v1/docs").content.decode()
    assert "swagger-ui-bundle.js" in html and "cdn." not in html and "/static/" in html
