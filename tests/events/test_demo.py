import datetime as dt
import io

import pytest
from django.utils import timezone

from maillage.demo import conventions as demo_conventions
from maillage.demo import events as demo
from maillage.events.enums import ParticipationType
from maillage.events.models import Event, Registration
from tests.events.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory():
    """The organisations the directory demo would have created (placed, so no city look-up)."""
    for name, (kind, country, city) in demo.ORGANISATIONS.items():
        OrganisationFactory(name=name, kind=kind, country=country, city=city)


def test_demo_events_are_real_and_idempotent(directory):
    demo.load(io.StringIO())
    counts = (Event.objects.count(), Registration.objects.count())
    demo.load(io.StringIO())
    assert (Event.objects.count(), Registration.objects.count()) == counts

    beijing = Event.objects.get(series__name="IASP World Conference", edition_number=42)
    assert timezone.localtime(beijing.starts_at, beijing.zone).date() == dt.date(2025, 9, 15)
    assert beijing.time_zone == "Asia/Shanghai"
    assert (
        Event.objects.get(series__name="IASP World Conference", edition_number=43).city
        == "Valbonne"
    )

    first = Event.objects.get(series__name="12/14", edition_number=1)
    local = timezone.localtime(first.starts_at, first.zone)
    assert (local.date(), local.hour, local.strftime("%A")) == (dt.date(2025, 7, 8), 12, "Tuesday")
    testimonials = first.programme.filter(kind="testimonial")
    assert testimonials.count() == 2
    assert {
        p.affiliations.get().organisation.name for t in testimonials for p in t.speakers.all()
    } == {"Planktovie", "DualSun"}
    hosts = set(
        Event.objects.filter(series__name="12/14").values_list("organisers__name", flat=True)
    )
    assert {"Technopôle de Luminy", "Technopôle de l'Arbois"} <= hosts

    convention = Event.objects.get(slug="axe-seine-business-convention-2026")
    assert convention.is_matchmaking and convention.organisers.count() == 5
    registrations = convention.registrations.confirmed()
    assert registrations.count() >= 70
    types = set(registrations.values_list("participation_type", flat=True))
    assert {
        ParticipationType.SME,
        ParticipationType.STARTUP,
        ParticipationType.LARGE_GROUP,
        ParticipationType.SCHOOL,
        ParticipationType.INVESTOR,
    } <= types
    assert Event.objects.get(slug="bio-usa-2026-online").attendance_mode == "online"


def test_generated_participants_are_deterministic():
    assert demo_conventions.convention_participants() == demo_conventions.convention_participants()
