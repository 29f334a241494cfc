"""The set-up pages write through the sessions services: a new session keeps every setting of
its form, a setting changes under placed meetings unless it is the slot length, a day goes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from maillage.matchmaking.models import MeetingSession
from maillage.matchmaking.services import editing
from maillage.matchmaking.services.sessions import ensure_draft
from tests.ecosystem.factories import PASSWORD

pytestmark = pytest.mark.django_db

SETTINGS = {
    "name": "Afternoon B2B",
    "slot_minutes": "30",
    "requests_open": "",  # unchecked
    "request_expiry_hours": "24",
    "self_booking": "on",
    "default_max_meetings": "8",
    "remind_day_before": "",
    "remind_minutes_before": "30",
    "feedback_request": "on",
}


def test_a_new_session_keeps_every_setting(client, convention, organiser):
    client.login(email=organiser.email, password=PASSWORD)
    made = client.post(reverse("matchmaking:sessions", args=[convention.slug]), SETTINGS)
    session = MeetingSession.objects.get(event=convention)
    assert made.status_code == 302 and made["Location"].endswith(f"/{session.pk}/setup/")
    assert (session.slot_minutes, session.requests_open, session.request_expiry_hours) == (
        30,
        False,
        24,
    )
    assert (session.remind_day_before, session.remind_minutes_before) == (False, 30)
    assert session.default_max_meetings == 8 and session.schedules.filter(status="draft").exists()


def test_settings_change_under_meetings_but_not_the_slot_length(client, session, people, organiser):
    slots = list(session.slots.order_by("index"))
    editing.add_meeting(
        schedule=ensure_draft(session),
        people=people[:2],
        slot=slots[0],
        table=session.tables.first(),
    )
    client.login(email=organiser.email, password=PASSWORD)
    url = reverse("matchmaking:setup", args=[session.pk])
    form = {f"session-{k}": v for k, v in SETTINGS.items()} | {"action": "session"}
    longer = client.post(url, form, follow=True).content.decode()
    assert "remove them before" in longer
    session.refresh_from_db()
    assert session.slot_minutes == 20 and session.slots.count() == len(slots)
    same_length = form | {"session-slot_minutes": "20"}
    client.post(url, same_length)
    session.refresh_from_db()
    assert session.requests_open is False and session.name == "Afternoon B2B"
    assert list(session.slots.order_by("index")) == slots  # the meeting's slot is still there


def test_remove_a_day_from_its_page(client, session, organiser):
    day = session.days.get()
    client.login(email=organiser.email, password=PASSWORD)
    client.post(reverse("matchmaking:remove_day", args=[session.pk, day.pk]))
    assert not session.days.exists() and not session.slots.exists()
