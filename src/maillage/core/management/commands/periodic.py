"""Run the periodic scheduler: enqueue each job of MAILLAGE_PERIODIC_TASKS at its interval."""

from __future__ import annotations

import signal

from django.core.management.base import BaseCommand

from maillage.core import periodic


class Command(BaseCommand):
    help = (
        "Enqueue the periodic jobs (reminders, request expiry, mail retries, agreement "
        "reminders) at their intervals; safe to run on several machines at once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="One pass, then exit.")
        parser.add_argument("--poll", type=float, default=5.0, help="Seconds between passes.")

    def handle(self, *args, once: bool, poll: float, **options):
        if once:
            for path in periodic.tick():
                self.stdout.write(f"enqueued {path}")
            return
        stopping = []
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stopping.append(True))
        periodic.run_forever(poll=poll, stop=lambda: bool(stopping))
