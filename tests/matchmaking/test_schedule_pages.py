"""The organiser's schedule pages: run with progress panel, grid, edits with refusals, publish."""

from __future__ import annotations

import pytest
from django.urls import reverse

from maillage.matchmaking.enums import WishLevel
from maillage.matchmaking.models import ScheduleRun
from maillage.matchmaking.services import editing, wishes
from maillage.matchmaking.services.sessions import ensure_draft
from tests.ecosystem.factories import PASSWORD


@pytest.mark.django_db(transaction=True)
def test_run_grid_edit_publish(client, session, people, organiser):
    for x in people:
        for y in people:
            if x.id < y.id:
                wishes.set_wish(author=x, target=y, level=WishLevel.WOULD_LIKE)
    client.login(email=organiser.email, password=PASSWORD)
    client.post(reverse("matchmaking:run_start", args=[session.pk]), {"time_limit": 10})
    run = ScheduleRun.objects.get()
    assert run.status == "succeeded"
    panel = client.get(reverse("matchmaking:run_progress", args=[run.pk])).content.decode()
    assert "Succeeded" in panel and "hx-trigger" not in panel  # finished: polling stops
    page = client.get(reverse("matchmaking:schedule", args=[session.pk])).content.decode()
    assert "15 meetings" in page and "schedule-grid" in page
    # A refused move shows its reason in the htmx panel.
    draft = ensure_draft(session)
    m = draft.meetings.order_by("slot__index", "table__number").first()
    busy = draft.meetings.filter(slot__index=1).exclude(table=m.table).first()
    refused = client.post(
        reverse("matchmaking:meeting_edit", args=[session.pk, m.pk]),
        {"action": "move", "slot": busy.slot_id, "table": busy.table_id},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert "is already taken in slot" in refused or "already meets" in refused
    client.post(
        reverse("matchmaking:meeting_edit", args=[session.pk, m.pk]),
        {"action": "lock"},
        HTTP_HX_REQUEST="true",
    )
    m.refresh_from_db()
    assert m.locked
    published = client.post(
        reverse("matchmaking:schedule_publish", args=[session.pk]), {"name": "Final"}, follow=True
    )
    assert "Version 1 published" in published.content.decode()
    version = client.get(reverse("matchmaking:version", args=[session.pk, 1]))
    assert version.status_code == 200
    # The first version only adds meetings: each change says so, in words.
    text = version.content.decode()
    assert "New meeting" in text and "Meeting moved" not in text


@pytest.mark.django_db
def test_running_panel_polls_and_stops(client, session, organiser):
    run = ScheduleRun.objects.create(
        session=session, status="running", progress={"objective": 12, "bound": 20, "seconds": 3.0}
    )
    client.login(email=organiser.email, password=PASSWORD)
    panel = client.get(reverse("matchmaking:run_progress", args=[run.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in panel and "12" in panel and "20" in panel
    stopped = client.post(
        reverse("matchmaking:run_stop", args=[run.pk]), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "stopping" in stopped
    run.refresh_from_db()
    assert run.stop_requested


@pytest.mark.django_db
def test_setup_page_adds_a_day_with_a_break(client, session, organiser):
    client.login(email=organiser.email, password=PASSWORD)
    url = reverse("matchmaking:setup", args=[session.pk])
    date = session.days.get().date.replace(day=1)
    client.post(
        url,
        {
            "action": "day",
            "day-date": date.isoformat(),
            "day-starts_at": "14:00",
            "day-ends_at": "16:00",
        },
    )
    day = session.days.get(date=date)
    client.post(
        url,
        {
            "action": "break",
            "break-day": day.pk,
            "break-starts_at": "15:00",
            "break-ends_at": "15:20",
            "break-label": "Coffee",
        },
    )
    assert session.slots.count() == 6 + 5
    bad = client.post(
        url,
        {
            "action": "day",
            "day-date": date.isoformat(),
            "day-starts_at": "14:00",
            "day-ends_at": "16:00",
        },
        follow=True,
    )
    assert "already a day" in bad.content.decode()
    # Once meetings exist, the days cannot change under them.
    a, b = (
        list(session.participants.all())[:2] if session.participants.count() >= 2 else (None, None)
    )
    if a:
        editing.add_meeting(
            schedule=ensure_draft(session),
            people=[a, b],
            slot=session.slots.first(),
            table=session.tables.first(),
        )
