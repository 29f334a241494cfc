"""Time the agenda page, its PDF and its calendar file for the demo participant.

    MAILLAGE_DEBUG=true .venv/bin/python bench/agenda_page.py [--runs 20]

Runs against the configured database once the demo is loaded (`make run`, or
`python -m maillage demo`): the demo participant's agenda of the Axe Seine convention, through
Django's test client (URL routing, session, permission check, queries, template). Target for
the page: under 150 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from maillage.accounts.models import User
    from maillage.demo.matchmaking import CONVENTION, PARTICIPANT_EMAIL
    from maillage.matchmaking.models import Participant

    settings.ALLOWED_HOSTS = ["*"]
    me = Participant.objects.filter(
        session__event__slug=CONVENTION, registration__person__user__email=PARTICIPANT_EMAIL
    ).first()
    if me is None:
        print("The demo is not loaded in this database: run `python -m maillage demo` first.")
        return 1
    client = Client()
    client.force_login(User.objects.get(email=PARTICIPANT_EMAIL))
    for label, url in (
        ("page", reverse("matchmaking:my_agenda", args=[me.session_id])),
        ("ics", reverse("matchmaking:my_agenda_file", args=[me.session_id, "ics"])),
        ("pdf", reverse("matchmaking:my_agenda_file", args=[me.session_id, "pdf"])),
    ):
        client.get(url)  # warm up (templates, fonts)
        times = []
        runs = args.runs if label != "pdf" else max(3, args.runs // 5)
        for _ in range(runs):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, response.status_code
        print(
            f"{label}: median {statistics.median(times):.0f} ms, max {max(times):.0f} ms over "
            f"{runs} runs; {len(queries.captured_queries)} queries; {len(response.content):,} bytes"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
