"""Serve the platform and run the background worker together; Ctrl-C stops both."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the web server and the task worker (Django Tasks, database queue) together."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))

    def handle(self, *args, host, port, **options):
        manage = [sys.executable, "-m", "maillage"]
        worker = subprocess.Popen([*manage, "db_worker", "--interval", "1"])
        web = subprocess.Popen([*manage, "runserver", "--noreload", f"{host}:{port}"])
        self.stdout.write(self.style.SUCCESS(f"maillage is served on http://{host}:{port}/"))
        self.stdout.write("Demo accounts (password: maillage-demo):")
        from maillage.core.demo import DEMO_ACCOUNTS

        for email, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<40} {role}")
        self.stdout.write("Press Ctrl-C to stop the server and the worker.")
        try:
            while web.poll() is None and worker.poll() is None:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    web.wait(timeout=1)
        except KeyboardInterrupt:
            pass
        finally:
            for proc in (web, worker):
                if proc.poll() is None:
                    proc.send_signal(signal.SIGINT)
            for proc in (web, worker):
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
        self.stdout.write("Stopped.")
