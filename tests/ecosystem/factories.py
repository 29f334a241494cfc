"""factory_boy factories for the directory, shared by every test module of the ecosystem area."""

from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from maillage.accounts.models import User
from maillage.ecosystem import search_index
from maillage.ecosystem.enums import OrganisationKind, OrganisationSubtype
from maillage.ecosystem.models import Affiliation, Membership, Organisation, Person, Sector

PASSWORD = "correct-horse-battery"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def staff_of(self, create, extracted, **kwargs):
        if create and extracted:
            self.staff_of.set(extracted)
        if create:
            self.save()


class SectorFactory(DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"sector-{n}")
    name_en = factory.Sequence(lambda n: f"Sector {n}")
    name_fr = factory.Sequence(lambda n: f"Secteur {n}")
    parent = None


class OrganisationFactory(DjangoModelFactory):
    """A company in France by default; pass kind=OrganisationKind.PARK etc. for others."""

    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganisationKind.COMPANY
    subtype = ""
    country = "FR"
    city = "Marseille"
    latitude = 43.29695
    longitude = 5.38107

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if create and extracted:
            self.sectors.set(extracted)

    @factory.post_generation
    def search_entry(self, create, extracted, **kwargs):
        # Saved straight to the model, not through the services: index it as they would.
        if create:
            search_index.index_organisations([self.pk])


class ParkFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Technopole {n}")
    kind = OrganisationKind.PARK
    subtype = OrganisationSubtype.TECHNOPOLE


class NetworkFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Network {n}")
    kind = OrganisationKind.NETWORK


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    public_consent = False


class AffiliationFactory(DjangoModelFactory):
    class Meta:
        model = Affiliation

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    job_title = "Engineer"


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    network = factory.SubFactory(NetworkFactory)
    member = factory.SubFactory(ParkFactory)
