"""The platform's real processes: db_worker subprocesses on their queues against a database file
(and PostgreSQL when MAILLAGE_DATABASE_URL points at one), and a real SMTP server."""

from __future__ import annotations

import os
import time
import urllib.parse

import pytest

from tests.mail.workers import Platform, migrated_sqlite, wait_until

pytestmark = pytest.mark.slow

QUEUE_MAILS = """
from maillage.mail.services import queue_mail
for n in range({n}):
    queue_mail(to=f"p{{n}}@example.org", subject=f"Mail {{n}}", body="Hello", key=f"t:{{n}}")
"""


@pytest.fixture(scope="module")
def template_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("template")
    path = folder / "template.sqlite3"
    Platform(f"sqlite:///{path}", folder).manage("migrate", "--no-input", "-v0", timeout=300)
    return path


@pytest.fixture
def platform(template_db, tmp_path, smtp_server):
    url = migrated_sqlite(template_db, tmp_path / "db.sqlite3")
    running = Platform(
        url, tmp_path, MAILLAGE_EMAIL_URL=smtp_server.url, MAILLAGE_MAIL_RETRY_SECONDS="1"
    )
    yield running
    running.stop()


def test_a_mail_leaves_within_seconds_while_a_long_task_holds_the_heavy_queue(
    platform, smtp_server, tmp_path
):
    platform.worker("heavy", "heavy-1")
    platform.worker("mail", "mail-1")
    platform.ready("mail-1")
    marker = str(tmp_path / "optimiser")
    platform.shell(
        f"from tests.mail.worker_tasks import hold\nhold.enqueue(seconds=60, marker={marker!r})"
    )
    wait_until(lambda: os.path.exists(marker + ".started"), 30, "the long task to start")
    platform.shell(QUEUE_MAILS.format(n=1))
    queued_at = time.monotonic()
    [message] = smtp_server.wait_for(1, timeout=10)
    took = time.monotonic() - queued_at
    assert message["Subject"] == "Mail 0"
    assert took < 5, f"the mail took {took:.1f} s"
    assert not os.path.exists(marker + ".done")  # the 60 s task is still running


BADGES_JOB = """
from maillage.core import jobs
from maillage.events.jobs import badges_pdf
from tests.events.factories import EventFactory, RegistrationFactory, UserFactory
event = EventFactory()
for _ in range(3):
    RegistrationFactory(event=event)
job = jobs.start(badges_pdf, owner=UserFactory(), params={{"event_id": event.pk, "layout": "a6"}})
print("JOB", job.pk)
"""


def test_a_pdf_is_made_on_the_files_worker_while_the_optimiser_holds_the_heavy_queue(
    platform, tmp_path
):
    platform.worker("heavy", "heavy-1")
    platform.worker("files", "files-1")
    platform.ready("files-1")
    marker = str(tmp_path / "optimiser")
    platform.shell(
        f"from tests.mail.worker_tasks import hold\nhold.enqueue(seconds=60, marker={marker!r})"
    )
    wait_until(lambda: os.path.exists(marker + ".started"), 30, "the long task to start")
    job_id = platform.shell(BADGES_JOB.format()).split("JOB ")[1].split()[0]
    state = f"from maillage.core.models import Job\nprint(Job.objects.get(pk={job_id!r}).state)"
    wait_until(lambda: "done" in platform.shell(state), 60, "the badge PDF job to finish")
    made = platform.shell(
        f"from maillage.core.models import Job\n"
        f"print(Job.objects.get(pk={job_id!r}).output.open('rb').read(5))"
    )
    assert "%PDF-" in made
    assert not os.path.exists(marker + ".done")  # the optimiser stand-in still holds its queue


def test_smtp_down_mails_wait_then_all_go_out_once(platform, smtp_server):
    smtp_server.stop()
    platform.worker("mail", "mail-1")
    platform.ready("mail-1")
    platform.shell(QUEUE_MAILS.format(n=5))
    # first attempts fail (connection refused) and are retried after 1, 2, 4 … s
    done = "deliver_mail state=SUCCESSFUL"  # the task ends well: the error is recorded
    wait_until(lambda: platform.log_count("mail-1", done) >= 5, 30, "5 failed attempts")
    assert smtp_server.messages == []
    smtp_server.start()
    smtp_server.wait_for(5, timeout=30)
    time.sleep(3)  # later retries find the mails sent and send nothing more
    subjects = sorted(str(m["Subject"]) for m in smtp_server.messages)
    assert subjects == [f"Mail {n}" for n in range(5)]  # none lost, none twice
    out = platform.shell(
        "from maillage.mail.models import OutgoingMail\n"
        "print(sorted(OutgoingMail.objects.values_list('status', flat=True)),"
        " min(OutgoingMail.objects.values_list('attempts', flat=True)))"
    )
    statuses, fewest_attempts = out.strip().rsplit(" ", 1)
    assert statuses == "['sent', 'sent', 'sent', 'sent', 'sent']"
    assert int(fewest_attempts) >= 2  # each failed at least once while the server was down


def _postgres_url(name: str) -> str | None:
    url = os.environ.get("MAILLAGE_DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    return urllib.parse.urlsplit(url)._replace(path=f"/{name}").geturl()


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_database(request, template_db, tmp_path):
    if request.param == "sqlite":
        yield migrated_sqlite(template_db, tmp_path / "db.sqlite3")
        return
    import psycopg

    url = _postgres_url("maillage_mail_workers")
    if url is None:
        pytest.skip(
            "two workers on PostgreSQL: set MAILLAGE_DATABASE_URL=postgres://… to run this leg"
        )
    admin = urllib.parse.urlsplit(url)._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS maillage_mail_workers")
        conn.execute("CREATE DATABASE maillage_mail_workers")
    Platform(url, tmp_path).manage("migrate", "--no-input", "-v0", timeout=300)
    yield url
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS maillage_mail_workers WITH (FORCE)")


def test_two_workers_on_one_queue_run_each_task_once(shared_database, tmp_path):
    platform = Platform(shared_database, tmp_path)
    runs = tmp_path / "runs.txt"
    try:
        # Both workers polling before the tasks arrive: neither can take all 200 while the
        # other is still starting.
        platform.worker("default", "one")
        platform.worker("default", "two")
        platform.ready("one")
        platform.ready("two")
        platform.shell(
            "from django.db import transaction\n"
            "from tests.mail.worker_tasks import record\n"
            "with transaction.atomic():\n"
            f"    for n in range(200): record.enqueue(n=n, path={str(runs)!r}, pause=0.01)"
        )
        count = lambda: len(runs.read_text().splitlines()) if runs.exists() else 0  # noqa: E731
        wait_until(lambda: count() >= 200, 120, "200 task runs")
        time.sleep(1)  # a task run twice would show up now
    finally:
        platform.stop()
    lines = [line.split() for line in runs.read_text().splitlines()]
    numbers = sorted(int(n) for n, _pid in lines)
    assert numbers == list(range(200)), "a task ran twice or not at all"
    assert len({pid for _n, pid in lines}) == 2  # both workers took their share
