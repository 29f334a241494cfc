"""The health check: the database answers and every task queue has a working worker."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from maillage.core import periodic
from maillage.core.models import WorkerHeartbeat
from maillage.core.tasks import send_heartbeats

pytestmark = pytest.mark.django_db

QUEUES = ["default", "mail", "heavy", "files"]


def test_without_workers_the_check_fails_and_says_which_queues(client):
    answer = client.get(reverse("health"))
    assert answer.status_code == 503
    body = answer.json()
    assert body["status"] == "failing" and body["database"]["ok"] is True
    assert sorted(body["queues"]) == sorted(QUEUES)
    assert not any(q["ok"] for q in body["queues"].values())
    assert answer["Cache-Control"].startswith("max-age=0")


def test_heartbeats_run_by_the_workers_make_it_pass(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_heartbeats.enqueue()
    assert sorted(WorkerHeartbeat.objects.values_list("queue", flat=True)) == sorted(QUEUES)
    answer = client.get(reverse("health"))
    assert answer.status_code == 200 and answer.json()["status"] == "ok"


def test_a_silent_queue_fails_the_check_but_a_long_optimiser_run_does_not(client):
    now = timezone.now()
    for queue in QUEUES:
        WorkerHeartbeat.objects.create(queue=queue, seen_at=now)
    # The heavy worker may be inside an hour-long run: 30 minutes of silence is fine there.
    WorkerHeartbeat.objects.filter(queue="heavy").update(seen_at=now - dt.timedelta(minutes=30))
    assert client.get(reverse("health")).status_code == 200
    WorkerHeartbeat.objects.filter(queue="mail").update(seen_at=now - dt.timedelta(minutes=10))
    answer = client.get(reverse("health"))
    assert answer.status_code == 503
    queues = answer.json()["queues"]
    assert queues["mail"]["ok"] is False and queues["heavy"]["ok"] is True


def test_the_scheduler_sends_the_heartbeats_every_minute():
    jobs = {job.path: job.interval for job in periodic.configured_jobs()}
    assert jobs["maillage.core.tasks.send_heartbeats"] == dt.timedelta(seconds=60)


@override_settings(DEBUG=True)
def test_the_production_server_refuses_debug_mode():
    with pytest.raises(CommandError, match="needs debug off"):
        call_command("serve", production=True)


def test_the_production_server_needs_a_web_worker():
    with pytest.raises(CommandError, match="1 or more"):
        call_command("serve", production=True, web_workers=0)
