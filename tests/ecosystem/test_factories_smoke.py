import pytest

from tests.ecosystem.factories import (
    OrganisationFactory,
    ParkFactory,
    PersonFactory,
    SectorFactory,
    UserFactory,
)


@pytest.mark.django_db
def test_factories_build_valid_records():
    park = ParkFactory()
    org = OrganisationFactory(host_park=park, sectors=[SectorFactory()])
    user = UserFactory(staff_of=[park])
    org.full_clean()
    assert user.check_password("correct-horse-battery")
    assert list(user.staff_of.all()) == [park]
    assert org.sectors.count() == 1 and PersonFactory().pk
