"""Runs and schedule_now save only schedules that pass meetsolver.verify.

The broken schedule is made here on purpose: the solve function the platform calls is wrapped
so that it returns the real solver's schedule with one meeting moved onto another meeting of
the same participant (a clash). This tests our own failure path, not meetsolver.
"""

from __future__ import annotations

import dataclasses

import pytest

from maillage.matchmaking.enums import RunStatus, WishLevel
from maillage.matchmaking.models import ScheduleRun
from maillage.matchmaking.scheduling import build, runs
from maillage.matchmaking.scheduling.verification import ScheduleRejected
from maillage.matchmaking.services import editing, wishes
from maillage.matchmaking.services.sessions import ensure_draft
from meetsolver import Assignment

pytestmark = pytest.mark.django_db(transaction=True)


def all_wish_all(people):
    for x in people:
        for y in people:
            if x.id < y.id:
                wishes.set_wish(author=x, target=y, level=WishLevel.WOULD_LIKE)


@pytest.fixture
def clashing_solver(monkeypatch):
    real = build.solve

    def solve_with_a_clash(instance, config, **kwargs):
        solution = real(instance, config, **kwargs)
        first, *rest = solution.assignments
        people = set(instance.requests[first.request].participants)
        other = next(a for a in rest if people & set(instance.requests[a.request].participants))
        moved = Assignment(other.request, first.slot, table=first.table)  # same slot and table
        broken = [moved if a is other else a for a in solution.assignments]
        return dataclasses.replace(solution, assignments=broken)

    monkeypatch.setattr(build, "solve", solve_with_a_clash)


def draft_rows(session):
    return sorted(ensure_draft(session).meetings.values_list("slot_id", "table_id"))


def test_a_run_with_a_broken_schedule_fails_and_keeps_the_draft(
    session, people, organiser, clashing_solver
):
    all_wish_all(people)
    a, b, *_ = people
    editing.add_meeting(
        schedule=ensure_draft(session),
        people=[a, b],
        slot=session.slots.get(index=0),
        table=session.tables.get(number=1),
    )
    before = draft_rows(session)
    run = ScheduleRun.objects.create(session=session, started_by=organiser, time_limit=20)
    done = runs.execute_run(run_id=run.pk)
    assert done.status == RunStatus.FAILED
    assert "fails the independent check" in done.error
    assert "has two meetings in slot" in done.error  # the violation itself, in words
    assert done.result["violations"] and all(isinstance(v, str) for v in done.result["violations"])
    assert done.best_found == []
    assert draft_rows(session) == before  # the draft as it was


def test_schedule_now_refuses_a_broken_schedule(session, people, clashing_solver):
    all_wish_all(people)
    with pytest.raises(ScheduleRejected) as err:
        build.schedule_now(session)
    assert any("two meetings in slot" in v for v in err.value.violations)
    assert ensure_draft(session).meetings.count() == 0


def test_a_correct_schedule_is_saved(session, people, organiser):
    all_wish_all(people)
    run = ScheduleRun.objects.create(session=session, started_by=organiser, time_limit=20)
    done = runs.execute_run(run_id=run.pk)
    assert done.status == RunStatus.SUCCEEDED, done.error
    assert ensure_draft(session).meetings.count() == done.result["meetings"] > 0
