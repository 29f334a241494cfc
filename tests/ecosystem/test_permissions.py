"""Who may change what, through every surface: pages, form posts and the API."""

import pytest
from django.urls import reverse

from maillage.accounts.models import ApiToken
from maillage.ecosystem.models import Organisation, Person
from tests.ecosystem import directory_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def d():
    return directory_data.build()


def edit_url(org):
    return reverse("ecosystem:organisation_update", args=[org.slug])


def form_data(org, **changes):
    data = {
        "name": org.name,
        "kind": org.kind,
        "country": org.country,
        "city": org.city,
        "latitude": org.latitude or "",
        "longitude": org.longitude or "",
        "host_park": org.host_park_id or "",
    }
    data.update(changes)
    return data


def test_staff_of_park_b_cannot_open_the_edit_page_of_park_a_member(client, d):
    client.force_login(d.staff_b)
    assert client.get(edit_url(d.biotech)).status_code == 403


def test_staff_of_park_b_cannot_post_the_edit_form(client, d):
    client.force_login(d.staff_b)
    response = client.post(edit_url(d.biotech), form_data(d.biotech, name="Hijacked"))
    assert response.status_code == 403
    d.biotech.refresh_from_db()
    assert d.biotech.name == "Planktovie"


def test_staff_of_park_b_cannot_patch_through_the_api(client, d):
    _obj, token = ApiToken.issue(user=d.staff_b, name="t")
    response = client.patch(
        f"/api/v1/organisations/{d.biotech.slug}",
        {"name": "Hijacked"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code in (403, 404)
    d.biotech.refresh_from_db()
    assert d.biotech.name == "Planktovie"


def test_staff_of_park_a_edits_a_hosted_organisation(client, d):
    client.force_login(d.staff_a)
    assert client.get(edit_url(d.biotech)).status_code == 200
    response = client.post(
        edit_url(d.biotech), form_data(d.biotech, name="Planktovie SAS", sectors=[d.medtech.pk])
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    d.biotech.refresh_from_db()
    assert d.biotech.name == "Planktovie SAS" and d.biotech.host_park == d.park_a


def test_staff_cannot_move_an_organisation_into_another_park(client, d):
    client.force_login(d.staff_a)
    response = client.post(edit_url(d.biotech), form_data(d.biotech, host_park=d.park_b.pk))
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    d.biotech.refresh_from_db()
    assert d.biotech.host_park == d.park_a


def test_network_staff_edits_member_parks(client, d):
    from tests.ecosystem.factories import UserFactory

    client.force_login(UserFactory(staff_of=[d.network]))
    assert client.get(edit_url(d.park_b)).status_code == 200
    assert client.get(edit_url(d.lab)).status_code == 403


def test_edit_form_shows_errors_and_changes_nothing(client, d):
    client.force_login(d.staff_a)
    response = client.post(edit_url(d.biotech), form_data(d.biotech, name="", latitude="100"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required" in html and "less than or equal to 90" in html
    d.biotech.refresh_from_db()
    assert d.biotech.name == "Planktovie"


def test_create_page_for_staff_and_admin_only(client, d):
    url = reverse("ecosystem:organisation_create")
    client.force_login(d.participant)
    assert client.get(url).status_code == 403
    assert client.post(url, {"name": "X", "kind": "company", "country": "FR"}).status_code == 403
    assert not Organisation.objects.filter(name="X").exists()
    client.force_login(d.staff_a)
    response = client.post(
        url,
        {
            "name": "DualSun",
            "kind": "company",
            "country": "FR",
            "city": "Marseille",
            "host_park": d.park_a.pk,
        },
    )
    assert response.status_code == 302
    created = Organisation.objects.get(name="DualSun")
    assert created.host_park == d.park_a and created.latitude is not None  # placed at the city


def test_anonymous_sees_public_pages_and_is_sent_to_login_for_edits(client, d):
    assert client.get(reverse("ecosystem:directory")).status_code == 200
    assert client.get(d.biotech.get_absolute_url()).status_code == 200
    for url in (
        edit_url(d.biotech),
        reverse("ecosystem:organisation_create"),
        reverse("accounts:profile"),
        reverse("accounts:tokens"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))
    response = client.post(edit_url(d.biotech), form_data(d.biotech, name="Anonymous"))
    assert response.status_code == 302
    d.biotech.refresh_from_db()
    assert d.biotech.name == "Planktovie"


def test_edit_link_only_for_those_who_may_edit(client, d):
    link = edit_url(d.biotech)
    assert link not in client.get(d.biotech.get_absolute_url()).content.decode()
    client.force_login(d.staff_b)
    assert link not in client.get(d.biotech.get_absolute_url()).content.decode()
    client.force_login(d.staff_a)
    assert link in client.get(d.biotech.get_absolute_url()).content.decode()


def test_participant_edits_only_their_own_profile(client, d):
    someone = Person.objects.get(last_name="Hidden")
    client.force_login(d.participant)
    response = client.post(
        reverse("accounts:profile"),
        {
            "first_name": "Lydia",
            "last_name": "Own",
            "languages": "fr, EN",
            "bio": "Hello",
            "public_consent": "on",
            "id": someone.pk,
            "user": d.staff_a.pk,
        },
    )
    assert response.status_code == 302
    mine = Person.objects.get(user=d.participant)
    assert (mine.last_name, mine.languages, mine.public_consent) == ("Own", "fr,en", True)
    assert mine.consent_at is not None and mine.pk != someone.pk
    someone.refresh_from_db()
    assert someone.last_name == "Hidden" and someone.user is None
