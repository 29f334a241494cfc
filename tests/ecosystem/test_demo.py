import io

import pytest

from maillage.accounts.models import User
from maillage.demo import ecosystem as demo
from maillage.demo import privacy as privacy_demo
from maillage.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from maillage.demo.ecosystem_facts import AXE_SEINE, CHATEAU_GOMBERT, IASP
from maillage.ecosystem.models import Affiliation, Membership, Organisation, Person, Sector

pytestmark = pytest.mark.django_db


def _counts():
    return tuple(
        m.objects.count() for m in (Organisation, Person, Affiliation, Membership, Sector, User)
    )


def test_demo_load_is_idempotent_and_real():
    demo.load(io.StringIO())
    first = _counts()
    snapshot = dict(Organisation.objects.values_list("slug", "updated_at"))
    demo.load(io.StringIO())
    assert _counts() == first
    assert dict(Organisation.objects.values_list("slug", "updated_at")) == snapshot

    gombert = Organisation.objects.get(name=CHATEAU_GOMBERT)
    members = set(gombert.hosted.values_list("name", flat=True))
    assert {
        "Centrale Méditerranée",
        "Polytech Marseille",
        "Marseille Innovation",
        "Impulse",
        "Planktovie",
        "Softcell Therapeutics",
        "DualSun",
    } <= members
    for park in Organisation.objects.filter(kind="park"):
        assert park.latitude is not None, park
        assert 15 <= park.hosted.count() <= 50, park
    iasp = Organisation.objects.get(name=IASP)
    assert iasp.founded_year == 1984 and iasp.city == "Málaga"
    axe = Organisation.objects.get(name=AXE_SEINE)
    assert axe.member_links.count() == 4
    assert not Person.objects.filter(public_consent=True).exists()  # consent: maillage.demo.privacy
    privacy_demo.load(io.StringIO())
    assert Person.objects.filter(public_consent=True, consent_records__how="demo").exists()
    assert Affiliation.objects.exclude(job_title="").count() > 100


def test_demo_accounts_and_roles():
    demo.load(io.StringIO())
    ours = {
        "admin@maillage.example",
        "staff@chateau-gombert.example",
        "staff@axe-seine.example",
        "participant@maillage.example",
    }
    assert ours <= {email for email, _role in DEMO_ACCOUNTS}
    for email in ours:
        assert User.objects.get(email=email).check_password(DEMO_PASSWORD)
    assert User.objects.get(email="admin@maillage.example").is_superuser
    staff = User.objects.get(email="staff@chateau-gombert.example")
    assert list(staff.staff_of.values_list("name", flat=True)) == [CHATEAU_GOMBERT]
    assert staff.has_perm("ecosystem.change_organisation", Organisation.objects.get(name="DualSun"))
    assert not staff.has_perm(
        "ecosystem.change_organisation", Organisation.objects.get(name="Genopole")
    )
    axe_staff = User.objects.get(email="staff@axe-seine.example")
    assert axe_staff.has_perm(
        "ecosystem.change_organisation", Organisation.objects.get(name="Technopole de Caen")
    )
    participant = User.objects.get(email="participant@maillage.example")
    assert participant.person.affiliations.count() == 1 and not participant.staff_of.exists()


def test_grow_directory_reaches_the_total_with_searchable_unique_rows():
    demo.load(io.StringIO())
    demo.grow_directory(2000, io.StringIO(), parks_target=30)
    assert Organisation.objects.count() == 2000
    generated = Organisation.objects.filter(description_en__contains=" organisation in ")
    sample = generated.first()
    assert sample.search_text and sample.name_key and sample.slug and sample.host_park_id
    assert sample.sectors.count() == 2
    slugs = list(Organisation.objects.values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs))
    assert Membership.objects.filter(network__name=IASP).count() > 10
    assert demo.grow_directory(2000, io.StringIO()) == 0
