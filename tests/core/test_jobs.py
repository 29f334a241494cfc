"""Background jobs (maillage.core.jobs): run once, in the starter's language, seen by the starter
only; a job that breaks says so and changes nothing; finished jobs go after a week."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation

from maillage.core import jobs, tasks
from maillage.core.jobs import Outcome, job_kind
from maillage.core.models import Job, JobState
from maillage.events import jobs as event_jobs
from maillage.mail import tasks as mail_tasks
from maillage.matchmaking import tasks as matchmaking_tasks
from tests.ecosystem.factories import UserFactory
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

RUNS: list[str] = []


@job_kind(title=lambda: "Counted", template="core/jobs/_pdf.html")
def counted(job) -> Outcome:
    RUNS.append(str(job.pk))
    return Outcome(file_name="x.pdf", content=b"%PDF-1.4\n")


@job_kind(title=lambda: "Broken", template="core/jobs/_pdf.html")
def broken(job) -> Outcome:
    raise RuntimeError("disk full")


def not_a_kind(job) -> Outcome:  # not marked with @job_kind
    return Outcome()


def test_files_jobs_have_their_own_queue_apart_from_mails_and_the_optimiser():
    assert tasks.run_job.queue_name == "files"
    assert matchmaking_tasks.run_schedule.queue_name == "heavy"
    assert mail_tasks.deliver_mail.queue_name == "mail"
    assert {"files", "heavy", "mail"} <= set(settings.TASK_QUEUES)  # `serve` starts one each


def test_a_job_runs_once_and_keeps_its_file(django_capture_on_commit_callbacks):
    RUNS.clear()
    owner = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.start(counted, owner=owner)
    assert [str(job.pk)] == RUNS
    jobs.run(job.pk)  # a second worker given the same task: nothing happens
    assert [str(job.pk)] == RUNS
    job.refresh_from_db()
    assert job.state == JobState.DONE and job.output.read() == b"%PDF-1.4\n"
    assert job.finished_at is not None


def test_only_marked_functions_may_be_jobs():
    with pytest.raises(ValueError, match="not marked"):
        jobs.start(not_a_kind, owner=UserFactory())
    assert not Job.objects.exists()


def test_a_broken_job_says_so_in_the_readers_language(client, django_capture_on_commit_callbacks):
    owner = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.start(broken, owner=owner)
    job.refresh_from_db()
    assert job.state == JobState.FAILED and job.error == "RuntimeError" and not job.output
    client.force_login(owner)
    page = client.get(reverse("core:job", args=[job.pk]), HTTP_ACCEPT_LANGUAGE="fr")
    assert "erreur inattendue" in page.content.decode()
    assert client.get(reverse("core:job_file", args=[job.pk])).status_code == 404


def test_an_import_runs_in_the_language_of_whoever_started_it(django_capture_on_commit_callbacks):
    event = EventFactory()
    owner = UserFactory()
    upload = ContentFile(b"email,first_name,last_name\nnot-an-address,A,B\n", name="r.csv")
    with translation.override("fr"), django_capture_on_commit_callbacks(execute=True):
        job = jobs.start(
            event_jobs.import_registrants,
            owner=owner,
            params={"event_id": event.pk, "filename": "r.csv", "notify": False},
            upload=upload,
        )
    job.refresh_from_db()
    assert job.state == JobState.FAILED and job.language == "fr"
    assert job.result["errors"][0].startswith("Ligne 2")
    assert not job.upload  # the spreadsheet is deleted once read
    assert not event.registrations.exists()


def test_a_job_is_seen_by_its_starter_only(client):
    owner, other = UserFactory(), UserFactory()
    job = Job.objects.create(kind=f"{__name__}.counted", owner=owner)
    url = reverse("core:job", args=[job.pk])
    assert client.get(url).status_code == 302  # anonymous: to the sign-in page
    client.force_login(other)
    assert client.get(url).status_code == 403
    assert client.get(reverse("core:job_file", args=[job.pk])).status_code == 403
    client.force_login(owner)
    page = client.get(url)
    assert page.status_code == 200 and 'hx-trigger="every 2s"' in page.content.decode()
    missing = reverse("core:job", args=["00000000-0000-0000-0000-000000000000"])
    assert client.get(missing).status_code == 404


def test_the_page_stops_polling_and_offers_the_file_once_done(
    client, django_capture_on_commit_callbacks
):
    owner = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.start(counted, owner=owner)
    client.force_login(owner)
    page = client.get(reverse("core:job", args=[job.pk]), HTTP_HX_REQUEST="true")
    body = page.content.decode()
    assert "hx-trigger" not in body and 'id="job-download"' in body
    download = client.get(reverse("core:job_file", args=[job.pk]))
    assert download["Content-Disposition"] == 'attachment; filename="x.pdf"'


def test_finished_jobs_and_their_files_go_after_a_week(django_capture_on_commit_callbacks):
    owner = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        old, recent = jobs.start(counted, owner=owner), jobs.start(counted, owner=owner)
    waiting = Job.objects.create(kind=f"{__name__}.counted", owner=owner)
    old.refresh_from_db()
    path = old.output.path
    Job.objects.filter(pk=old.pk).update(finished_at=timezone.now() - dt.timedelta(days=8))
    assert tasks.drop_old_jobs.call() == 1
    assert set(Job.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    import os

    assert not os.path.exists(path)


def test_badges_of_confirmed_registrants_only(django_capture_on_commit_callbacks):
    event = EventFactory()
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status="cancelled")
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.start(
            event_jobs.badges_pdf,
            owner=UserFactory(),
            params={"event_id": event.pk, "layout": "a4"},
        )
    job.refresh_from_db()
    assert job.state == JobState.DONE and job.result["count"] == 1
    assert job.output.read().startswith(b"%PDF-")
