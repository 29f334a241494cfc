"""The reports dashboard and API with the 115,000-organisation directory and a 3,000-participant
event with a published schedule.

    export MAILLAGE_DATABASE_URL=sqlite:///var/bench_reports.sqlite3   (a separate database)
    .venv/bin/python -m maillage migrate && .venv/bin/python -m maillage demo --orgs 115000
    .venv/bin/python bench/reports.py [--runs 7]

The first run adds the event (organised by a generated park that joins IASP): 3,000 confirmed
participants, 15,000 wishes, and a published schedule of 300 tables x 30 slots (9,000 meetings,
18,000 seats) built by a round robin, a third of them with feedback; the event is moved one
month into the past so that its meetings count as held. Later runs reuse it.

Timed with Django's test client (the whole request: permission, figures of the period and of
the previous one, member rows, charts, template), median of ``--runs`` after one warm-up:
the park's dashboard, the IASP network's dashboard (350 member parks hosting the directory),
and the API's figures of both. Target: the dashboard under 1 s.

Then the yearly report's PDF of the park and of the network (``time_yearly_pdf``), and each
alone in a fresh process (``--fresh-pdf``: what the first generation after a worker starts
costs). Target: the PDF under 10 s.
"""

# ruff: noqa: E402, I001 - matchmaking_event sets Django up before the project imports
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import time

from matchmaking_event import machine, make_event, prepare_database

from django.db import connection, transaction
from django.db.models import F
from django.test import Client
from django.test.utils import CaptureQueriesContext

from maillage.accounts.models import User
from maillage.ecosystem.models import Membership, Organisation
from maillage.events.enums import EventStatus
from maillage.events.models import Event
from maillage.matchmaking.enums import FeedbackOutcome, ScheduleStatus
from maillage.matchmaking.models import (
    Feedback,
    Meeting,
    MeetingSeat,
    MeetingSession,
    MeetingSlot,
    Schedule,
)

SLUG = "bench-reports"
SHIFT = dt.timedelta(days=60)  # make_event puts the event 30 days ahead; this puts it 30 days back


def ensure_event() -> MeetingSession:
    session = MeetingSession.objects.filter(event__slug=SLUG).first()
    if session and session.schedules.filter(status=ScheduleStatus.PUBLISHED).exists():
        return session
    start = time.perf_counter()
    session, _organiser = make_event(
        slug=SLUG,
        participants=3000,
        wishes_per_participant=5,
        days=2,
        start=dt.time(9),
        end=dt.time(18),
        lunch=(dt.time(12, 30), dt.time(14)),
        slot_minutes=30,
        tables=300,
    )
    publish_round_robin(session)
    event = session.event
    Event.objects.filter(pk=event.pk).update(
        status=EventStatus.PUBLISHED, starts_at=F("starts_at") - SHIFT, ends_at=F("ends_at") - SHIFT
    )
    MeetingSlot.objects.filter(session=session).update(
        starts_at=F("starts_at") - SHIFT, ends_at=F("ends_at") - SHIFT
    )
    park = event.organisers.get()
    iasp = Organisation.objects.get(name="IASP", kind="network")
    Membership.objects.get_or_create(network=iasp, member=park)
    print(f"event generated in {time.perf_counter() - start:.1f} s")
    return session


@transaction.atomic
def publish_round_robin(session: MeetingSession) -> None:
    rng = random.Random(7)
    people = list(session.participants.order_by("id").values_list("id", flat=True))
    tables = list(session.tables.order_by("number").values_list("id", flat=True))
    schedule = Schedule.objects.create(
        session=session, version=1, status=ScheduleStatus.PUBLISHED, published_at=session.created_at
    )
    meetings = []
    for slot in session.slots.order_by("index"):
        rng.shuffle(people)
        for table, (a, b) in zip(
            tables, zip(people[0::2], people[1::2], strict=False), strict=False
        ):
            meetings.append(
                Meeting(
                    schedule=schedule,
                    participant_a_id=a,
                    participant_b_id=b,
                    slot=slot,
                    table_id=table,
                )
            )
    meetings = Meeting.objects.bulk_create(meetings, batch_size=2000)
    MeetingSeat.objects.bulk_create(
        [
            MeetingSeat(meeting=m, participant_id=p, schedule=schedule, slot_id=m.slot_id)
            for m in meetings
            for p in (m.participant_a_id, m.participant_b_id)
        ],
        batch_size=5000,
    )
    outcomes = list(FeedbackOutcome.values)
    Feedback.objects.bulk_create(
        [
            Feedback(
                meeting=m,
                author_id=m.participant_a_id,
                outcome=(outcome := rng.choice(outcomes)),
                took_place=outcome != FeedbackOutcome.DID_NOT_TAKE_PLACE,
            )
            for m in meetings[::3]
        ],
        batch_size=5000,
    )


def timed(client: Client, url: str, runs: int) -> tuple[float, float, int]:
    """Median and max in ms over ``runs`` requests after one warm-up, and the queries of one."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    count = len(queries)  # read now: the next request's new connection empties the log
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return statistics.median(samples), max(samples), count


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--min-orgs", type=int, default=115_000, help="refuse smaller directories")
    parser.add_argument(
        "--fresh-pdf",
        type=int,
        metavar="ORGANISATION_ID",
        help="only time one yearly PDF of this park or network, alone in this process",
    )
    args = parser.parse_args()
    if args.fresh_pdf:
        return fresh_pdf(args.fresh_pdf)
    prepare_database()
    total = Organisation.objects.count()
    if total < args.min_orgs:
        print(f"only {total} organisations: run `python -m maillage demo --orgs 115000` first")
        return 1
    session = ensure_event()
    print(machine())
    event = session.event
    year = event.starts_at.year
    park = event.organisers.get()
    iasp = Organisation.objects.get(name="IASP", kind="network")
    admin, _ = User.objects.get_or_create(
        email="admin@bench-reports.bench", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client(SERVER_NAME="localhost")
    client.force_login(admin)
    print(
        f"{total} organisations, {iasp.member_links.count()} IASP members, "
        f"{session.participants.count()} participants, "
        f"{Meeting.objects.filter(schedule__session=session).count()} meetings; year {year}"
    )
    cases = [
        ("dashboard, park of the event", f"/reports/?organisation={park.pk}&year={year}"),
        ("dashboard, IASP network", f"/reports/?organisation={iasp.pk}&year={year}"),
        ("API figures, park", f"/api/v1/reports/{park.pk}/figures?year={year}"),
        ("API figures, IASP network", f"/api/v1/reports/{iasp.pk}/figures?year={year}"),
        ("API members, IASP network", f"/api/v1/reports/{iasp.pk}/members?year={year}"),
    ]
    for label, url in cases:
        median, worst, queries = timed(client, url, args.runs)
        print(f"{label}: median {median:.0f} ms, max {worst:.0f} ms, {queries} queries")
    for label, organisation in (("park of the event", park), ("IASP network", iasp)):
        cold, median, worst, pages = time_yearly_pdf(organisation, year, args.runs)
        print(
            f"yearly PDF, {label}: first in the process {cold:.1f} s, then median {median:.1f} s,"
            f" max {worst:.1f} s ({pages} pages)"
        )
    for label, organisation in (("park of the event", park), ("IASP network", iasp)):
        # what the first generation after a worker starts costs: a new process, nothing warm
        done = subprocess.run(
            [sys.executable, __file__, "--fresh-pdf", str(organisation.pk)],
            capture_output=True,
            text=True,
            check=True,
        )
        print(f"yearly PDF, {label}, fresh process: {done.stdout.strip()}")
    print(f"load average after the run {os.getloadavg()[0]:.1f}")
    return 0


def fresh_pdf(organisation_id: int) -> int:
    from maillage.reports.yearly import services as yearly
    from maillage.reports.yearly.document import render_pdf

    organisation = Organisation.objects.get(pk=organisation_id)
    year = Event.objects.get(slug=SLUG).starts_at.year
    report = yearly.start_report(organisation=organisation, year=year, language="en")
    start = time.perf_counter()
    render_pdf(report)
    print(f"{time.perf_counter() - start:.1f} s")
    return 0


def time_yearly_pdf(organisation, year: int, runs: int) -> tuple[float, float, float, int]:
    """The yearly report's PDF as the worker renders it (figures of the year and the year
    before, member rows, charts drawn as SVG, WeasyPrint), in English: the first render in this
    process (for the park it includes the one-off start-up of the chart renderer and whatever
    the dashboard requests above did not warm), then the median and max of ``runs`` more."""
    import io

    from pypdf import PdfReader

    from maillage.reports.yearly import services as yearly
    from maillage.reports.yearly.document import render_pdf

    report = yearly.start_report(organisation=organisation, year=year, language="en")
    yearly.save_paragraphs(
        report=report, user=None, introduction="Benchmark introduction.\n\nSecond paragraph."
    )
    start = time.perf_counter()
    data = render_pdf(report)
    cold = time.perf_counter() - start
    samples = []
    for _ in range(max(1, runs // 2)):  # a few seconds each: half the runs are enough
        start = time.perf_counter()
        render_pdf(report)
        samples.append(time.perf_counter() - start)
    pages = len(PdfReader(io.BytesIO(data)).pages)
    return cold, statistics.median(samples), max(samples), pages


if __name__ == "__main__":
    raise SystemExit(main())
