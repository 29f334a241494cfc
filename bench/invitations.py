"""Benchmark: inviting the 3,000 registrants of a brokerage event (issue target: queued in
under 10 s).

    MAILLAGE_DATA_DIR=/tmp/maillage-bench .venv/bin/python bench/invitations.py [--rows 3000]

Builds an event with ``--rows`` confirmed registrants who have no account (people and
registrations inserted in bulk, not timed), then times ``invitations.invite``: each registrant's
account opened, an invitation row, a sesame link, the mail rendered in their language and stored
in the outbox in bulk by ``queue_mails`` (one delivery task per batch of mails). Delivery is the mail worker's job (bench of the mail queue).
One transaction, rolled back at the end, on the database configured as usual.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings")
os.environ.setdefault("MAILLAGE_DEBUG", "true")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=3000)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.urls import reverse
    from django.utils import timezone

    from maillage.ecosystem.models import Organisation, Person
    from maillage.events import invitations, services
    from maillage.events.enums import EventKind, EventStatus, RegistrationStatus
    from maillage.events.models import Registration
    from maillage.mail.models import OutgoingMail

    call_command("migrate", verbosity=0)
    reverse("home")  # the URL configuration is loaded once per process, not per invitation
    print(
        f"database: {connection.vendor}; python {platform.python_version()}; {os.cpu_count()} cpus"
    )
    with transaction.atomic():
        host = Organisation.objects.create(name="Bench technopole", kind="park", country="FR")
        start = timezone.now() + dt.timedelta(days=30)
        event = services.create_event(
            title="Bench brokerage event",
            kind=EventKind.TRADE_SHOW_MATCHMAKING,
            organisers=[host],
            starts_at=start,
            ends_at=start + dt.timedelta(days=2),
            venue_name="Hall 3",
            status=EventStatus.PUBLISHED,
        )
        people = Person.objects.bulk_create(
            Person(
                first_name=f"First{i}",
                last_name=f"Last{i}",
                email=f"invitee{i}@bench{i // 3}.example",
                languages="fr" if i % 2 else "en",
            )
            for i in range(args.rows)
        )
        Registration.objects.bulk_create(
            Registration(event=event, person=p, status=RegistrationStatus.CONFIRMED) for p in people
        )
        t0 = time.perf_counter()
        result = invitations.invite(event=event)
        seconds = time.perf_counter() - t0
        queued = OutgoingMail.objects.filter(event=event, kind="invitation").count()
        print(
            f"invite {args.rows} registrants: {seconds:.2f} s "
            f"({args.rows / seconds:.0f} per second), {result.sent} sent, {queued} in the outbox"
        )
        transaction.set_rollback(True)
    load = os.getloadavg()[0]
    verdict = "OK" if seconds < 10 and queued == args.rows else "MISSED"
    print(
        f"SUMMARY invitations {args.rows} registrants, {connection.vendor}, load {load:.1f}: "
        f"queued in {seconds:.2f} s ({verdict} < 10 s, {queued} mails in the outbox)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
