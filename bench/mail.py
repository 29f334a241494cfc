"""Mail throughput: 3,000 mails queued through queue_mail, then delivered by real db_worker
processes of the "mail" queue to a local SMTP server (aiosmtpd).

    .venv/bin/python bench/mail.py [--mails 3000] [--workers 1] [--mode both|single|bulk]

--mode single: one queue_mail call and one delivery task per mail (the pre-batch path);
--mode bulk: one queue_mails call, one delivery task per batch of 50 mails; both (default)
runs the two side by side in one run and prints one summary line each.
    MAILLAGE_DATABASE_URL=postgres://…/maillage_bench_mail .venv/bin/python bench/mail.py

Uses its own database (var/bench_mail.sqlite3 unless MAILLAGE_DATABASE_URL is set), migrated
on the first run; the outbox and the task queue are emptied before each run. Targets: queued in
under 10 s (the whole transaction, commit and task rows included), delivered at 50 mails/s or
more, every mail exactly once.
"""

# ruff: noqa: E402 - Django is set up before the project imports
from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings")
os.environ.setdefault("MAILLAGE_DEBUG", "true")
os.environ.setdefault("MAILLAGE_DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench_mail.sqlite3'}")

from tests.smtp_server import LocalSMTPServer

os.environ.setdefault("MAILLAGE_EMAIL_URL", "smtp://127.0.0.1:1")  # each run starts its own

import django

django.setup()

from django.core.management import call_command
from django.db import connection, transaction
from django_tasks_db.models import DBTaskResult

from maillage.mail.enums import MailStatus
from maillage.mail.models import OutgoingMail
from maillage.mail.services import queue_mail, queue_mails


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mails", type=int, default=3000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--mode", choices=["both", "single", "bulk"], default="both")
    args = parser.parse_args()
    load = os.getloadavg()
    print(
        f"{os.cpu_count()} cores, Python {platform.python_version()}, database "
        f"{connection.vendor}, load average before the run {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    call_command("migrate", verbosity=0)
    summaries = [
        run(args, mode) for mode in (["single", "bulk"] if args.mode == "both" else [args.mode])
    ]
    for line in summaries:
        print(line)


def run(args, mode: str) -> str:
    global SMTP
    SMTP = LocalSMTPServer().start()
    os.environ["MAILLAGE_EMAIL_URL"] = SMTP.url
    OutgoingMail.objects.all().delete()
    DBTaskResult.objects.all().delete()
    mails = [
        {
            "to": f"participant{n}@example.org",
            "subject": f"Your invitation to the Axe Seine convention ({n})",
            "body": "Hello,\n\nYou are invited to the Axe Seine convention.\n" * 8,
            "kind": "bench",
            "key": f"bench:{n}",
        }
        for n in range(args.mails)
    ]
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started, cpu_started = time.perf_counter(), time.process_time()
    with transaction.atomic():
        if mode == "bulk":
            queue_mails(mails=mails)
        else:
            for mail in mails:
                queue_mail(**mail)
    queued, queued_cpu = time.perf_counter() - started, time.process_time() - cpu_started
    tasks = DBTaskResult.objects.filter(queue_name="mail").count()
    print(
        f"[{mode}] queued {args.mails} mails (and {tasks} delivery tasks) in {queued:.2f} s "
        f"({queued_cpu:.2f} s of CPU)"
    )

    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]))
    logs = [open(ROOT / "var" / f"bench_mail_worker{i}.log", "w") for i in range(args.workers)]  # noqa: SIM115
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "maillage",
                "db_worker",
                "--queue-name",
                "mail",
                "--interval",
                "0.1",
                "--no-reload",
                "--no-startup-delay",
                "--worker-id",
                f"bench{i}",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        for i, log in enumerate(logs)
    ]
    try:
        SMTP.wait_for(1, timeout=120)  # the workers are up (Django loaded) once the first arrives
        first = time.perf_counter()
        SMTP.wait_for(args.mails, timeout=600)
        done = time.perf_counter()
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)
        SMTP.stop()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    worker_cpu = (children.ru_utime + children.ru_stime) - (
        children_before.ru_utime + children_before.ru_stime
    )  # Django start-up included
    rate = (args.mails - 1) / (done - first)
    subjects = [str(m["Subject"]) for m in SMTP.messages]
    sent = OutgoingMail.objects.filter(status=MailStatus.SENT).count()
    print(
        f"[{mode}] delivered {len(subjects)} mails with {args.workers} worker(s) in {done - first:.1f} s "
        f"after the first: {rate:.0f} mails/s; distinct subjects {len(set(subjects))}, "
        f"outbox sent {sent}"
    )
    print(
        f"worker CPU {worker_cpu:.1f} s in all ({1000 * worker_cpu / args.mails:.1f} ms per mail, "
        f"start-up included): {args.mails / worker_cpu:.0f} mails per CPU-second"
    )
    once = len(set(subjects)) == len(subjects) == args.mails == sent
    return (
        f"SUMMARY mail [{mode}] {args.mails} mails, {args.workers} worker(s), load "
        f"{os.getloadavg()[0]:.1f}: queued {queued:.2f} s "
        f"({'OK' if queued < 10 else 'MISSED'} < 10 s), delivered {rate:.0f}/s "
        f"({'OK' if rate >= 50 else 'MISSED'} >= 50/s), "
        f"{1000 * worker_cpu / args.mails:.1f} ms worker CPU per mail, "
        f"each once {'OK' if once else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
