import pytest
from django.urls import reverse

from maillage.ecosystem.models import Organisation
from tests.ecosystem.factories import (
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    ParkFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def change_url(org):
    return reverse("admin:ecosystem_organisation_change", args=[org.pk])


def form_data(org, **changes):
    data = {
        "name": org.name,
        "aliases": "",
        "kind": org.kind,
        "subtype": org.subtype,
        "country": org.country,
        "city": org.city,
        "address": "",
        "latitude": org.latitude,
        "longitude": org.longitude,
        "parent": "",
        "host_park": org.host_park_id or "",
        "website": "",
        "description_en": "",
        "description_fr": "",
        "size_band": "",
        "founded_year": "",
        "network_links-TOTAL_FORMS": "0",
        "network_links-INITIAL_FORMS": "0",
        "member_links-TOTAL_FORMS": "0",
        "member_links-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


@pytest.fixture
def parks():
    home, other = ParkFactory(name="Home Park"), ParkFactory(name="Other Park")
    staff = UserFactory(staff_of=[home], is_staff=True)
    return home, other, staff


def test_staff_changes_an_organisation_of_their_park(client, parks):
    home, _other, staff = parks
    member = OrganisationFactory(name="Ours", host_park=home)
    client.force_login(staff)
    assert client.get(reverse("admin:ecosystem_organisation_changelist")).status_code == 200
    response = client.post(change_url(member), form_data(member, name="Ours renamed"))
    assert response.status_code == 302, (
        response.context and response.context["adminform"].form.errors
    )
    member.refresh_from_db()
    assert member.name == "Ours renamed" and member.name_key == "ours renamed"


def test_staff_of_another_park_is_refused_and_nothing_changes(client, parks):
    _home, other, staff = parks
    foreign = OrganisationFactory(name="Theirs", host_park=other)
    client.force_login(staff)
    response = client.post(change_url(foreign), form_data(foreign, name="Hijacked"))
    assert response.status_code == 403
    foreign.refresh_from_db()
    assert foreign.name == "Theirs"
    # they may look at it, read-only
    page = client.get(change_url(foreign))
    assert page.status_code == 200 and not page.context["has_change_permission"]
    assert (
        client.post(
            reverse("admin:ecosystem_organisation_delete", args=[foreign.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    assert Organisation.objects.filter(pk=foreign.pk).exists()


def test_network_staff_manage_members_of_their_network(client):
    network = NetworkFactory(name="Club")
    member = MembershipFactory(network=network).member
    outsider = ParkFactory()
    staff = UserFactory(staff_of=[network], is_staff=True)
    client.force_login(staff)
    assert (
        client.post(
            change_url(member), form_data(member, city="Caen", latitude="", longitude="")
        ).status_code
        == 302
    )
    assert client.post(change_url(outsider), form_data(outsider, city="Caen")).status_code == 403


def test_sectors_are_for_platform_admins_only(client, parks):
    _home, _other, staff = parks
    client.force_login(staff)
    assert client.get(reverse("admin:ecosystem_sector_changelist")).status_code == 403
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(reverse("admin:ecosystem_sector_changelist")).status_code == 200
    assert (
        client.get(reverse("admin:ecosystem_organisation_changelist") + "?q=park").status_code
        == 200
    )
    assert client.get(reverse("admin:ecosystem_person_changelist")).status_code == 200
    assert client.get(reverse("admin:ecosystem_membership_changelist")).status_code == 200
