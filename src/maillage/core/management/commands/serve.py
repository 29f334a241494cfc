"""Serve the platform with one task worker per queue and the periodic scheduler; Ctrl-C stops all.

Queues (settings.TASK_QUEUES): "mail" (e-mails and notices), "heavy" (optimiser runs), "files"
(PDFs and imports), "default" (the rest), so a mail leaves within seconds while an hour-long
optimisation runs, and a PDF is made while the optimiser works.

The web server is Django's development server, or with ``--production`` gunicorn with
``--web-workers`` processes (static files from WhiteNoise, collected first); debug must be off
then. On several machines, run the same processes under a supervisor (see docs/deploy.md).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Run the web server, one task worker per queue (Django Tasks, database queue) and the "
        "periodic scheduler together."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
        parser.add_argument(
            "--production",
            action="store_true",
            help="Serve with gunicorn (several web processes) instead of the development server.",
        )
        parser.add_argument(
            "--web-workers",
            type=int,
            default=max(2, (os.cpu_count() or 1) + 1),
            help="Web processes of the production server (default: cores + 1, at least 2).",
        )

    def handle(self, *args, host, port, production, web_workers, **options):
        manage = [sys.executable, "-m", "maillage"]
        if production:
            if settings.DEBUG:
                raise CommandError(
                    "serve --production needs debug off: unset MAILLAGE_DEBUG (and set "
                    "MAILLAGE_SECRET_KEY) / serve --production demande le mode debug coupé : "
                    "retirez MAILLAGE_DEBUG (et définissez MAILLAGE_SECRET_KEY)."
                )
            if web_workers < 1:
                raise CommandError("--web-workers takes 1 or more / --web-workers prend 1 ou plus.")
            call_command("collectstatic", interactive=False, verbosity=0)
        env = dict(os.environ)
        if not env.get("MAILLAGE_SITE_URL"):  # links in mails point at the address served
            shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
            env["MAILLAGE_SITE_URL"] = f"http://{shown}:{port}"
        processes = {
            f"worker ({queue})": subprocess.Popen(
                [*manage, "db_worker", "--queue-name", queue, "--interval", "1", "--no-reload"],
                env=env,
            )
            for queue in settings.TASK_QUEUES
        }
        processes["scheduler"] = subprocess.Popen([*manage, "periodic"], env=env)
        if production:
            command = [
                sys.executable,
                "-m",
                "gunicorn",
                "maillage.wsgi:application",
                "--workers",
                str(web_workers),
                "--bind",
                f"{host}:{port}",
                "--access-logfile",
                "-",
            ]
        else:
            command = [*manage, "runserver", "--noreload", f"{host}:{port}"]
        web = subprocess.Popen(command, env=env)
        processes["web"] = web
        server = f"gunicorn, {web_workers} web workers" if production else "development server"
        self.stdout.write(
            self.style.SUCCESS(f"maillage is served on http://{host}:{port}/ ({server})")
        )
        self.stdout.write(
            f"Links in e-mails use {env['MAILLAGE_SITE_URL']}; task workers for the queues "
            f"{', '.join(settings.TASK_QUEUES)}, and the periodic scheduler."
        )
        self.stdout.write("Press Ctrl-C to stop the server, the workers and the scheduler.")
        try:
            while all(proc.poll() is None for proc in processes.values()):
                with contextlib.suppress(subprocess.TimeoutExpired):
                    web.wait(timeout=1)
            for name, proc in processes.items():
                if proc.poll() is not None:
                    self.stderr.write(f"The {name} stopped (exit code {proc.returncode}).")
        except KeyboardInterrupt:
            pass
        finally:
            for proc in processes.values():
                if proc.poll() is None:
                    proc.send_signal(signal.SIGINT)
            for proc in processes.values():
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
        self.stdout.write("Stopped.")
