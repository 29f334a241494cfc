"""Concurrent registrations never over-book an event, nor register one person twice.

Real threads, each with its own database connection, start together at a barrier. PostgreSQL
serialises them on the event row (SELECT … FOR UPDATE). SQLite's in-memory test database
(shared cache) reports lock conflicts instead of waiting, so these tests need PostgreSQL.
"""

import threading

import pytest
from django.db import connection

from maillage.events import services
from maillage.events.enums import RegistrationStatus
from maillage.events.models import Registration
from tests.events.factories import EventFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (set MAILLAGE_DATABASE_URL): SQLite's shared-cache test database "
        "reports lock conflicts instead of waiting for the row lock",
    ),
]


def run_together(count, action):
    barrier = threading.Barrier(count)
    outcomes = [None] * count

    def worker(i):
        try:
            barrier.wait()
            outcomes[i] = action(i)
        except Exception as exc:  # noqa: BLE001 - the test inspects what each thread got
            outcomes[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return outcomes


def test_concurrent_registrations_respect_capacity():
    event = EventFactory(capacity=5)
    outcomes = run_together(
        12,
        lambda i: services.register(
            event=event,
            email=f"p{i}@example.org",
            first_name="P",
            last_name=str(i),
        ),
    )
    assert all(isinstance(o, Registration) for o in outcomes), outcomes
    statuses = sorted(r.status for r in Registration.objects.filter(event=event))
    assert statuses.count(RegistrationStatus.CONFIRMED) == 5
    assert statuses.count(RegistrationStatus.WAITLISTED) == 7


def test_same_person_registering_twice_at_once():
    event = EventFactory()
    outcomes = run_together(
        4,
        lambda i: services.register(
            event=event,
            email="same@example.org",
            first_name="Same",
            last_name="Person",
        ),
    )
    assert sum(isinstance(o, Registration) for o in outcomes) == 1
    assert sum(isinstance(o, services.AlreadyRegistered) for o in outcomes) == 3
    assert Registration.objects.filter(event=event).count() == 1
