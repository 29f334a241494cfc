"""The Django admin is for platform admins only, and writes through the services: staff of a park
get no admin at all; a superuser's add forms refuse what the pages and the API refuse, with the
service's sentence."""

import datetime as dt

import pytest
from django.urls import reverse

from maillage.ecosystem.models import Membership, Organisation, Person
from maillage.events.models import Event
from maillage.partnerships.models import Agreement, Delegation
from tests.ecosystem.factories import (
    NetworkFactory,
    OrganisationFactory,
    ParkFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def parks():
    home, other = ParkFactory(name="Château-Gombert"), ParkFactory(name="Zhongguancun")
    staff = UserFactory(staff_of=[home], is_staff=True)
    return home, other, staff


@pytest.fixture
def superuser():
    return UserFactory(is_staff=True, is_superuser=True)


def inline_management(client, url) -> dict:
    """The management data of the read-only inlines of an admin form, as the page sends it."""
    data = {}
    for inline in client.get(url).context["inline_admin_formsets"]:
        formset = inline.formset
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(formset.initial_form_count())
        data[f"{formset.prefix}-INITIAL_FORMS"] = str(formset.initial_form_count())
    return data


def form_errors(response) -> str:
    form = response.context["adminform"].form
    return " ".join(str(m) for errors in form.errors.values() for m in errors)


def test_park_staff_get_no_admin_at_all(client, parks):
    home, other, staff = parks
    PersonFactory(email="secret@example.org")
    client.force_login(staff)
    for name in (
        "admin:index",
        "admin:ecosystem_person_changelist",
        "admin:ecosystem_organisation_changelist",
    ):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert (
        b"secret@example.org"
        not in client.get(reverse("admin:ecosystem_person_changelist"), follow=True).content
    )


def test_staff_cannot_add_a_membership_and_nothing_is_written(client, parks):
    _home, other, _staff = parks
    club = NetworkFactory(name="Axe Seine club")
    club_staff = UserFactory(staff_of=[club], is_staff=True)
    client.force_login(club_staff)
    response = client.post(
        reverse("admin:ecosystem_membership_add"),
        {"network": club.pk, "member": other.pk, "role": "member", "since": "", "until": ""},
    )
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not Membership.objects.exists()


def test_superuser_admin_pages_work_and_edits_go_through_the_service(client, parks, superuser):
    home, _other, _staff = parks
    member = OrganisationFactory(name="Ours", host_park=home)
    client.force_login(superuser)
    for name in (
        "admin:index",
        "admin:ecosystem_person_changelist",
        "admin:ecosystem_organisation_changelist",
        "admin:ecosystem_membership_changelist",
        "admin:partnerships_agreement_add",
        "admin:partnerships_delegation_add",
        "admin:events_event_add",
        "admin:events_registration_changelist",
        "admin:matchmaking_meeting_changelist",
    ):
        assert client.get(reverse(name)).status_code == 200, name
    url = reverse("admin:ecosystem_organisation_change", args=[member.pk])
    data = {
        "name": "Ours renamed",
        "aliases": "",
        "kind": member.kind,
        "subtype": member.subtype,
        "country": member.country,
        "city": member.city,
        "address": "",
        "latitude": member.latitude,
        "longitude": member.longitude,
        "parent": "",
        "host_park": home.pk,
        "website": "",
        "description_en": "",
        "description_fr": "",
        "size_band": "",
        "founded_year": "",
        **inline_management(client, url),
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context and form_errors(response)
    member.refresh_from_db()
    assert member.name == "Ours renamed" and member.name_key == "ours renamed"


def test_superuser_adds_a_membership_through_the_service(client, parks, superuser):
    _home, other, _staff = parks
    club = NetworkFactory(name="Axe Seine club")
    client.force_login(superuser)
    response = client.post(
        reverse("admin:ecosystem_membership_add"),
        {"network": club.pk, "member": other.pk, "role": "member", "since": "", "until": ""},
    )
    assert response.status_code == 302
    assert Membership.objects.filter(network=club, member=other).exists()


def test_admin_refuses_an_agreement_without_two_parties(client, parks, superuser):
    home, _other, _staff = parks
    client.force_login(superuser)
    url = reverse("admin:partnerships_agreement_add")
    response = client.post(
        url,
        {
            "title": "Alone",
            "kind": "mou",
            "status": "negotiation",
            "parties": [home.pk],
            "remind_days_before": 60,
            **inline_management(client, url),
        },
    )
    assert response.status_code == 200
    assert "at least two different parties" in form_errors(response)
    assert not Agreement.objects.exists()


def test_admin_adds_an_agreement_through_the_service(client, parks, superuser):
    home, other, _staff = parks
    client.force_login(superuser)
    url = reverse("admin:partnerships_agreement_add")
    response = client.post(
        url,
        {
            "title": "Twinning",
            "kind": "mou",
            "status": "negotiation",
            "parties": [home.pk, other.pk],
            "remind_days_before": 60,
            **inline_management(client, url),
        },
    )
    assert response.status_code == 302, form_errors(response)
    agreement = Agreement.objects.get()
    assert {p.organisation_id for p in agreement.parties.all()} == {home.pk, other.pk}
    assert agreement.created_by == superuser


def test_admin_refuses_a_delegation_without_visitors(client, parks, superuser):
    home, _other, _staff = parks
    client.force_login(superuser)
    url = reverse("admin:partnerships_delegation_add")
    response = client.post(
        url,
        {
            "title": "Nobody comes",
            "direction": "incoming",
            "starts_on": "2026-05-01",
            "ends_on": "2026-05-03",
            "hosts": [home.pk],
            **inline_management(client, url),
        },
    )
    assert response.status_code == 200
    assert "Name at least one visiting organisation" in form_errors(response)
    assert not Delegation.objects.exists()


def test_admin_refuses_an_event_organised_by_nobody(client, superuser):
    client.force_login(superuser)
    url = reverse("admin:events_event_add")
    start = dt.datetime(2026, 6, 1, 9, 0)
    response = client.post(
        url,
        {
            "title": "Open day",
            "slug": "open-day",
            "kind": "conference",
            "status": "published",
            "is_public": "on",
            "attendance_mode": "in_person",
            "starts_at_0": start.strftime("%Y-%m-%d"),
            "starts_at_1": "09:00",
            "ends_at_0": start.strftime("%Y-%m-%d"),
            "ends_at_1": "17:00",
            "time_zone": "Europe/Paris",
            **inline_management(client, url),
        },
    )
    assert response.status_code == 200
    assert "Choose at least one organiser" in form_errors(response) or (
        "organisers" in response.context["adminform"].form.errors
    )
    assert not Event.objects.exists()


def test_consent_is_shown_never_set_in_the_admin(client, superuser):
    person = PersonFactory(public_consent=False)
    client.force_login(superuser)
    url = reverse("admin:ecosystem_person_change", args=[person.pk])
    response = client.post(
        url,
        {
            "first_name": person.first_name,
            "last_name": "Renamed",
            "email": person.email,
            "phone": "",
            "languages": "",
            "bio": "",
            "user": "",
            "public_consent": "on",
            "affiliations-TOTAL_FORMS": "0",
            "affiliations-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context and form_errors(response)
    person.refresh_from_db()
    assert person.last_name == "Renamed" and person.public_consent is False
    assert Person.objects.count() == 1 and Organisation.objects.count() == 0


def test_the_public_profile_of_a_consenting_person_is_not_rewritten_in_the_admin(client, superuser):
    person = PersonFactory(public_consent=True, first_name="Aline", bio="Founder of a startup")
    client.force_login(superuser)
    url = reverse("admin:ecosystem_person_change", args=[person.pk])
    response = client.post(
        url,
        {
            "first_name": "Forged",
            "last_name": "Renamed",
            "email": person.email,
            "phone": "",
            "languages": "",
            "bio": "Written by someone else",
            "user": "",
            "affiliations-TOTAL_FORMS": "0",
            "affiliations-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context and form_errors(response)
    person.refresh_from_db()
    assert (person.first_name, person.bio) == ("Aline", "Founder of a startup")
    assert person.last_name != "Renamed"
