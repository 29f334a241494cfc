import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from maillage.ecosystem import places, services
from maillage.ecosystem.enums import OrganisationKind
from maillage.ecosystem.models import Organisation, Sector
from maillage.ecosystem.sectors import TAXONOMY, ensure_taxonomy
from tests.ecosystem.factories import (
    NetworkFactory,
    OrganisationFactory,
    ParkFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_create_organisation_places_it_at_its_city_and_fills_search_fields():
    org = services.create_organisation(
        name="Génopole Test",
        kind=OrganisationKind.COMPANY,
        country="fr",
        city="evry",
        website="https://www.example.org/about",
        sectors=Sector.objects.filter(code="genomics"),
    )
    assert (org.latitude, org.longitude) == pytest.approx((48.6328, 2.44049))
    assert org.country == "FR" and org.slug == "genopole-test"
    assert org.website_domain == "example.org" and org.name_key == "genopole test"
    assert "evry" in org.search_text and list(org.sectors.values_list("code", flat=True)) == [
        "genomics"
    ]


def test_create_organisation_rejects_bad_values_with_field_errors():
    with pytest.raises(ValidationError) as exc:
        services.create_organisation(
            name="X", kind="spaceship", country="ZZ", latitude=95, longitude=3
        )
    assert {"kind", "country", "latitude"} <= set(exc.value.message_dict)
    assert not Organisation.objects.exists()


def test_unknown_city_is_an_error_only_when_strict():
    org = services.create_organisation(name="A", kind="company", country="FR", city="Atlantis")
    assert org.latitude is None
    with pytest.raises(ValidationError, match="Unknown city"):
        services.create_organisation(
            name="B", kind="company", country="FR", city="Atlantis", strict_city=True
        )


def test_update_organisation_checks_who_changes_it():
    park, other_park = ParkFactory(), ParkFactory()
    member = OrganisationFactory(host_park=park)
    foreign = OrganisationFactory(host_park=other_park, name="Foreign")
    staff = UserFactory(staff_of=[park])
    services.update_organisation(member, by=staff, name="Renamed", city="Lyon", country="FR")
    member.refresh_from_db()
    assert member.name == "Renamed" and member.latitude == pytest.approx(45.74846, abs=0.01)
    with pytest.raises(PermissionDenied):
        services.update_organisation(foreign, by=staff, name="Hijacked")
    foreign.refresh_from_db()
    assert foreign.name == "Foreign"


def test_update_organisation_is_atomic_on_invalid_data():
    org = OrganisationFactory(name="Stable")
    with pytest.raises(ValidationError):
        services.update_organisation(org, name="Changed", latitude=12.0, longitude=None)
    assert Organisation.objects.get(pk=org.pk).name == "Stable"


def test_set_sectors_by_code_and_unknown_code():
    org = OrganisationFactory()
    services.set_sectors(org, sectors=["ai", "data"])
    assert set(org.sectors.values_list("code", flat=True)) == {"ai", "data"}
    with pytest.raises(ValidationError, match="quantum-baking"):
        services.set_sectors(org, sectors=["quantum-baking"])


def test_memberships_are_idempotent_and_only_for_networks():
    network, park = NetworkFactory(), ParkFactory()
    first = services.add_membership(network=network, member=park, role="founding_member")
    again = services.add_membership(network=network, member=park, role="board")
    assert first.pk == again.pk and again.role == "board"
    with pytest.raises(ValidationError, match="network"):
        services.add_membership(network=ParkFactory(), member=park)


def test_affiliations_keep_a_single_main_one():
    person = PersonFactory()
    a = services.add_affiliation(person=person, organisation=OrganisationFactory(), job_title="CTO")
    b = services.add_affiliation(
        person=person, organisation=OrganisationFactory(), job_title="Advisor"
    )
    a.refresh_from_db()
    assert b.is_primary and not a.is_primary


def test_directory_writes_cannot_set_consent():
    """Consent is the person's (maillage.privacy); directory services refuse the field."""
    with pytest.raises(TypeError, match="public consent"):
        services.create_person(first_name="Ada", last_name="L", public_consent=True)
    person = services.create_person(first_name="Ada", last_name="L")
    with pytest.raises(TypeError, match="public consent"):
        services.update_person(person, public_consent=True)
    person.refresh_from_db()
    assert not person.public_consent and person.consent_at is None


def test_sector_taxonomy_is_created_by_migration_and_idempotent():
    expected = len(TAXONOMY) + sum(len(children) for _, children in TAXONOMY)
    assert Sector.objects.filter(
        code__in=[f.code for f, _ in TAXONOMY], parent=None
    ).count() == len(TAXONOMY)
    assert Sector.objects.count() == expected
    assert ensure_taxonomy() == 0
    Sector.objects.filter(code="solar").update(name_en="Sun")
    assert ensure_taxonomy() == 1
    assert Sector.objects.get(code="solar").parent.code == "environment"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("FR", "FR"),
        ("fr", "FR"),
        ("France", "FR"),
        ("Allemagne", "DE"),
        ("Germany", "DE"),
        ("Chine", "CN"),
        ("États-Unis", "US"),
        ("United States", "US"),
        ("Tunisie", "TN"),
        ("ESP", "ES"),
    ],
)
def test_country_codes_from_codes_and_names(value, code):
    assert places.country_code(value) == code


def test_unknown_country_says_what_to_do():
    with pytest.raises(places.PlaceError, match="ISO code"):
        places.country_code("Narnia")


def test_city_lookup_is_accent_insensitive_and_prefers_the_most_populous():
    assert places.find_city("EVRY", "FR").name == "Évry"
    durham = places.find_city("Durham", "US")
    assert durham.population > 200_000 and durham.latitude == pytest.approx(35.99, abs=0.01)
    assert places.find_city("Bruxelles", "BE").name == "Brussels"
    assert places.find_city("Marseille", "CN") is None
    with pytest.raises(places.PlaceError, match="Gotham"):
        places.locate("Gotham", "FR")


def test_a_country_is_marked_at_its_most_populous_city():
    markers = places.country_markers()
    paris, shanghai = places.find_city("Paris", "FR"), places.find_city("Shanghai", "CN")
    assert markers["FR"] == pytest.approx((paris.latitude, paris.longitude))
    assert markers["CN"] == pytest.approx((shanghai.latitude, shanghai.longitude))
    assert "XX" not in markers


def test_trigram_index_on_postgresql_only():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the trigram index exists on PostgreSQL only (SQLite has no GIN indexes)")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            ["ecosystem_organisation_search_trgm"],
        )
        (definition,) = cursor.fetchone()
    assert "gin_trgm_ops" in definition and "search_text" in definition
