"""The demo's convention of tomorrow: registrants invited (mails queued), idempotent on the same
day, moved to the new tomorrow when loaded on a later day."""

import datetime as dt
import io

import pytest
from django.utils import timezone

from maillage.demo import events as demo
from maillage.demo import tomorrow as demo_tomorrow
from maillage.events.models import Invitation, Registration
from maillage.mail.models import OutgoingMail
from tests.events.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory():
    for name, (kind, country, city) in demo.ORGANISATIONS.items():
        OrganisationFactory(name=name, kind=kind, country=country, city=city)


def test_tomorrow_with_invitations_sent_and_idempotent(directory):
    now = timezone.now()
    event = demo_tomorrow.load_tomorrow(io.StringIO(), now=now)
    local = timezone.localtime(event.starts_at, demo_tomorrow.ZONE)
    assert local.date() == demo_tomorrow.tomorrow(now) and local.hour == 8
    assert event.registrations.confirmed().count() == demo_tomorrow.PEOPLE
    assert Invitation.objects.filter(registration__event=event).count() == demo_tomorrow.PEOPLE
    mails = OutgoingMail.objects.filter(event=event, kind="invitation")
    assert mails.count() == demo_tomorrow.PEOPLE
    state = (Registration.objects.count(), OutgoingMail.objects.count(), event.starts_at)
    again = demo_tomorrow.load_tomorrow(io.StringIO(), now=now)
    assert (Registration.objects.count(), OutgoingMail.objects.count(), again.starts_at) == state


def test_loaded_on_a_later_day_it_moves_to_the_new_tomorrow(directory):
    now = timezone.now()
    event = demo_tomorrow.load_tomorrow(io.StringIO(), now=now)
    clock = [
        (p.title, timezone.localtime(p.starts_at, demo_tomorrow.ZONE).time())
        for p in event.programme.all()
    ]
    out = io.StringIO()
    later = demo_tomorrow.load_tomorrow(out, now=now + dt.timedelta(days=3))
    assert "moved by 3 day(s)" in out.getvalue()
    assert timezone.localtime(later.starts_at, demo_tomorrow.ZONE).date() == demo_tomorrow.tomorrow(
        now + dt.timedelta(days=3)
    )
    assert [
        (p.title, timezone.localtime(p.starts_at, demo_tomorrow.ZONE).time())
        for p in later.programme.all()
    ] == clock
    assert later.registrations.count() == demo_tomorrow.PEOPLE  # nothing else changes
    assert OutgoingMail.objects.filter(kind="invitation").count() == demo_tomorrow.PEOPLE
