"""Optimiser runs as background tasks: success, stop, failure; the published version untouched."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from maillage.matchmaking.enums import RunStatus, WishLevel
from maillage.matchmaking.models import ScheduleRun
from maillage.matchmaking.scheduling import release, runs
from maillage.matchmaking.services import editing, wishes
from maillage.matchmaking.services.sessions import ensure_draft

pytestmark = pytest.mark.django_db(transaction=True)


def all_wish_all(people):
    for x in people:
        for y in people:
            if x.id < y.id:
                wishes.set_wish(author=x, target=y, level=WishLevel.WOULD_LIKE)


def test_a_run_fills_the_draft_and_reports(session, people, organiser):
    all_wish_all(people)
    run = runs.start_run(session=session, user=organiser, time_limit=20)  # immediate backend
    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED, run.error
    assert run.task_id and run.finished_at
    assert run.result["meetings"] == 15 and run.result["objective"] == 30
    assert run.result["gap"] == 0
    assert ensure_draft(session).meetings.count() == 15


def test_one_run_at_a_time(session, organiser):
    ScheduleRun.objects.create(session=session, status=RunStatus.RUNNING)
    with pytest.raises(ValidationError, match="already running"):
        runs.start_run(session=session, user=organiser)


def test_a_stopped_run_keeps_the_draft_until_applied(session, people, organiser):
    all_wish_all(people)
    draft = ensure_draft(session)
    a, b, *_ = people
    editing.add_meeting(
        schedule=draft,
        people=[a, b],
        slot=session.slots.get(index=5),
        table=session.tables.get(number=3),
    )
    run = ScheduleRun.objects.create(
        session=session, started_by=organiser, stop_requested=True, status=RunStatus.QUEUED
    )
    # A stop requested while queued: the run ends at once and nothing changes.
    runs.stop_run(run=run)
    assert run.status == RunStatus.STOPPED
    assert runs.execute_run(run_id=run.pk).status == RunStatus.STOPPED
    assert draft.meetings.count() == 1


def test_stop_during_the_solve(session, people, organiser, monkeypatch):
    """The monitor sees the stop request and meetsolver returns its best schedule so far."""
    all_wish_all(people)
    monkeypatch.setattr(runs, "PROGRESS_EVERY", 0.05)
    run = ScheduleRun.objects.create(session=session, started_by=organiser, time_limit=30)
    ScheduleRun.objects.filter(pk=run.pk).update(stop_requested=True)
    done = runs.execute_run(run_id=run.pk)
    assert done.status == RunStatus.STOPPED
    assert ensure_draft(session).meetings.count() == 0  # the draft as it was
    if done.best_found:
        runs.apply_best_found(run=done)
        assert ensure_draft(session).meetings.count() == len(done.best_found)
        with pytest.raises(ValidationError, match="applied already"):
            runs.apply_best_found(run=done)


def test_a_failed_run_leaves_the_published_version_alone(session, people, organiser):
    from maillage.matchmaking.services import sessions

    a, b, *_ = people
    draft = ensure_draft(session)
    editing.add_meeting(
        schedule=draft,
        people=[a, b],
        slot=session.slots.get(index=0),
        table=session.tables.get(number=1),
    )
    v1 = release.publish(session=session, user=organiser)
    before = list(v1.meetings.values_list("uid", "slot_id", "table_id"))
    # A locked meeting in the draft, then the organiser removes every place: it cannot be held.
    editing.set_locked(meeting=ensure_draft(session).meetings.get(), locked=True)
    ensure_draft(session).meetings.update(table=None)
    v1.meetings.update(table=None)
    sessions.set_tables(session=session, count=0)
    before = [(u, s, None) for u, s, _t in before]
    run = ScheduleRun.objects.create(session=session, started_by=organiser)
    done = runs.execute_run(run_id=run.pk)
    assert done.status == RunStatus.FAILED and done.error
    v1.refresh_from_db()
    assert list(v1.meetings.values_list("uid", "slot_id", "table_id")) == before
    assert ensure_draft(session).meetings.count() == 1
