"""Agendas: ICS read back with icalendar, PDFs counted page by page with pypdf, the page."""

from __future__ import annotations

import datetime as dt
import io
import zoneinfo

import icalendar
import pytest
from pypdf import PdfReader

from maillage.matchmaking.services import calendars, printouts
from maillage.matchmaking.services.agendas import (
    Agenda,
    AgendaMeeting,
    FreeSlot,
    Person,
    PlanTable,
    SlotPlan,
)

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
UTC = dt.UTC


def at(day: int, minutes: int) -> dt.datetime:
    return dt.datetime(2026, 3, 26 + day, 9, 0, tzinfo=PARIS) + dt.timedelta(minutes=minutes)


def make_agenda(n_meetings=3, version=1, cancelled=(), pid=1, name="Ada Martin", free=2):
    meetings = []
    for i in range(n_meetings):
        day, slot = divmod(i, 20)
        meetings.append(
            AgendaMeeting(
                uid=f"00000000-0000-0000-0000-{i:012d}",
                starts_at=at(day, 20 * slot).astimezone(UTC),
                ends_at=at(day, 20 * slot + 20).astimezone(UTC),
                others=(Person(f"Other {i}", f"Company {i}", "CEO"),),
                place=f"Table {i % 30 + 1}",
                cancelled=i in cancelled,
            )
        )
    free_slots = tuple(
        FreeSlot(at(3, 20 * k), at(3, 20 * k + 20), index=100 + k) for k in range(free)
    )
    return Agenda(
        participant_id=pid,
        person=Person(name, "Planktovie"),
        event_title="Axe Seine business convention",
        session_name="B2B meetings",
        time_zone="Europe/Paris",
        venue="Aéropole, Cergy",
        version=version,
        published_at=dt.datetime(2026, 3, 20, 12, tzinfo=UTC),
        meetings=tuple(meetings),
        free_slots=free_slots,
        url="https://maillage.example/agenda",
    )


def read_events(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_ics_has_one_event_per_meeting_in_the_event_time_zone():
    events = read_events(calendars.calendar_bytes(make_agenda(3)))
    assert len(events) == 3
    first = events["meeting-00000000-0000-0000-0000-000000000000@maillage"]
    start = first.decoded("dtstart")
    assert start == dt.datetime(2026, 3, 26, 9, 0, tzinfo=PARIS)
    assert str(start.tzinfo) == "Europe/Paris"
    assert "Other 0 (Company 0)" in str(first["summary"])
    assert "Table 1" in str(first["location"])
    assert str(first["status"]) == "CONFIRMED"
    assert int(first["sequence"]) == 1


def test_ics_uids_are_stable_across_versions_and_sequence_bumps_and_cancelled_are_marked():
    before = read_events(calendars.calendar_bytes(make_agenda(4, version=1)))
    after = read_events(calendars.calendar_bytes(make_agenda(4, version=2, cancelled={2})))
    assert set(before) == set(after)  # same UIDs: calendars replace instead of duplicating
    for uid, event in after.items():
        assert int(event["sequence"]) == 2 > int(before[uid]["sequence"])
    statuses = {uid: str(e["status"]) for uid, e in after.items()}
    assert statuses["meeting-00000000-0000-0000-0000-000000000002@maillage"] == "CANCELLED"
    assert list(statuses.values()).count("CONFIRMED") == 3


def test_online_meeting_carries_its_video_link():
    meeting = AgendaMeeting(
        uid="abc",
        starts_at=at(0, 0),
        ends_at=at(0, 20),
        others=(Person("Bo", "EU|BIC"),),
        place="Room 3",
        video_url="https://video.example.org/room-3",
    )
    agenda = make_agenda(0)
    agenda = Agenda(**{**agenda.__dict__, "meetings": (meeting,)})
    event = read_events(calendars.calendar_bytes(agenda))["meeting-abc@maillage"]
    assert str(event["url"]) == "https://video.example.org/room-3"
    assert "https://video.example.org/room-3" in str(event["location"])


def pages(pdf: bytes) -> int:
    assert pdf.startswith(b"%PDF-")
    return len(PdfReader(io.BytesIO(pdf)).pages)


def pdf_text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_agendas_pdf_has_one_page_per_participant_even_with_forty_meetings():
    agendas = [
        make_agenda(40, pid=1, name="Ada Martin", free=0),
        make_agenda(12, pid=2, name="Bo Durand", free=10),
        make_agenda(0, pid=3, name="Cy Petit", free=0),
        make_agenda(38, pid=4, name="Di Roux", cancelled={3}, free=2),
    ]
    pdf = printouts.agendas_pdf(agendas, title="Agendas")
    assert pages(pdf) == 4
    reader = PdfReader(io.BytesIO(pdf))
    assert "Ada Martin" in reader.pages[0].extract_text()
    assert "Other 39" in reader.pages[0].extract_text()
    assert "Bo Durand" in reader.pages[1].extract_text()
    assert "No meetings in the published schedule." in reader.pages[2].extract_text()


def test_table_plan_pdf_has_one_page_per_slot():
    plans = [
        SlotPlan(
            index=i,
            starts_at=at(0, 20 * i),
            ends_at=at(0, 20 * i + 20),
            tables=tuple(
                PlanTable(
                    f"Table {t}", (Person(f"A{i}-{t}", "Org A"), Person(f"B{i}-{t}", "Org B"))
                )
                for t in range(1, 31)
            ),
        )
        for i in range(3)
    ]
    pdf = printouts.table_plan_pdf(plans, title="Convention", time_zone="Europe/Paris")
    assert pages(pdf) == 3
    text = pdf_text(pdf)
    assert "Slot 1" in text and "09:00" in text and "A0-30" in text


@pytest.mark.parametrize("n", [0, 1])
def test_empty_plans_and_agendas_still_make_a_pdf(n):
    assert pages(printouts.table_plan_pdf([], title="x", time_zone="Europe/Paris")) == 1
    assert pages(printouts.agendas_pdf([make_agenda(0)] * n, title="x")) == 1


# --- from the database: the last published schedule ----------------------------------------

from django.conf import settings  # noqa: E402
from django.urls import reverse  # noqa: E402

from maillage.events import tokens  # noqa: E402
from maillage.matchmaking.scheduling import release  # noqa: E402
from maillage.matchmaking.selectors.agendas import agenda_of  # noqa: E402
from maillage.matchmaking.services import editing  # noqa: E402
from tests.events.factories import PASSWORD  # noqa: E402
from tests.matchmaking.published import make_session, meet  # noqa: E402


@pytest.fixture
def world(db):
    return make_session(people=4, slots_per_day=6, tables=3)


def login(client, participant):
    client.login(email=participant.registration.person.user.email, password=PASSWORD)


def test_drafts_are_never_shown_only_published_versions(client, world):
    me = world.participants[0]
    meet(world, 0, 1, slot=0)
    assert agenda_of(me) is None  # draft only
    login(client, me)
    page = client.get(reverse("matchmaking:my_agenda", args=[world.session.pk]))
    assert page.status_code == 200 and 'id="no-schedule"' in page.text
    assert (
        client.get(
            reverse("matchmaking:my_agenda_file", args=[world.session.pk, "ics"])
        ).status_code
        == 404
    )

    release.publish(session=world.session)
    meet(world, 0, 2, slot=1)  # added to the new draft: not visible until published
    agenda = agenda_of(me)
    assert [m.other.name for m in agenda.scheduled] == ["First1 Last1"]
    assert len(agenda.free_slots) == 5
    page = client.get(reverse("matchmaking:my_agenda", args=[world.session.pk]))
    assert "First1 Last1" in page.text and "First2 Last2" not in page.text
    assert "Table 1" in page.text and "09:00" in page.text


def test_ics_keeps_uids_across_versions_and_cancels_removed_meetings(client, world):
    me = world.participants[0]
    meet(world, 0, 1, slot=0)
    meet(world, 0, 2, slot=1)
    release.publish(session=world.session)
    login(client, me)
    url = reverse("matchmaking:my_agenda_file", args=[world.session.pk, "ics"])
    first = read_events(client.get(url).content)
    assert len(first) == 2 and {int(e["sequence"]) for e in first.values()} == {1}

    draft = world.session.schedules.get(status="draft")
    moved = draft.meetings.get(participant_b=world.participants[1])
    editing.move_meeting(meeting=moved, slot=world.slots[3], table=world.tables[1])
    editing.remove_meeting(meeting=draft.meetings.get(participant_b=world.participants[2]))
    release.publish(session=world.session)

    response = client.get(url)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    second = read_events(response.content)
    assert set(second) == set(first)  # same UIDs: the moved one replaces, the removed one cancels
    statuses = {uid: str(e["status"]) for uid, e in second.items()}
    assert sorted(statuses.values()) == ["CANCELLED", "CONFIRMED"]
    assert {int(e["sequence"]) for e in second.values()} == {2}
    kept = next(e for e in second.values() if str(e["status"]) == "CONFIRMED")
    assert kept.decoded("dtstart").astimezone(PARIS).strftime("%H:%M") == "10:00"
    assert "Table 2" in str(kept["location"])

    feed = tokens.calendar_feed_url(me.registration)  # the subscription needs no sign-in
    client.logout()
    path = feed.removeprefix(settings.SITE_URL)
    assert set(read_events(client.get(path).content)) == set(first)


def _pdf_of(client, page) -> bytes:
    job = page.context["job"]
    assert job.state == "done", page.content[:500]
    download = client.get(reverse("core:job_file", args=[job.pk]))
    assert download["Content-Type"] == "application/pdf"
    return b"".join(download.streaming_content)


def test_pdf_of_my_agenda_and_all_agendas_for_staff_one_page_each(client, world, run_job):
    meet(world, 0, 1, slot=0)
    meet(world, 2, 3, slot=0, table=1)
    meet(world, 0, 2, slot=1)
    release.publish(session=world.session)
    login(client, world.participants[0])
    mine_page = run_job(reverse("matchmaking:my_agenda_pdf", args=[world.session.pk]))
    assert pages(_pdf_of(client, mine_page)) == 1
    mine_job = mine_page.context["job"]
    assert (
        client.post(reverse("matchmaking:agendas_pdf", args=[world.session.pk])).status_code == 403
    )
    gone = client.get(reverse("matchmaking:my_agenda_file", args=[world.session.pk, "pdf"]))
    assert gone.status_code == 404  # the PDF is made by a job, not on a GET

    staff = world.event.organisers.first()
    from tests.events.factories import UserFactory

    organiser = UserFactory(staff_of=[staff])
    client.login(email=organiser.email, password=PASSWORD)
    # The participant's job is theirs alone, even for the organisers.
    assert client.get(reverse("core:job", args=[mine_job.pk])).status_code == 403
    assert client.get(reverse("core:job_file", args=[mine_job.pk])).status_code == 403
    every = _pdf_of(client, run_job(reverse("matchmaking:agendas_pdf", args=[world.session.pk])))
    assert pages(every) == 4
    text = pdf_text(every)
    assert "First0 Last0" in text and "First3 Last3" in text

    plan = client.get(reverse("matchmaking:table_plan", args=[world.session.pk]))
    assert plan.status_code == 200 and "@media print" in plan.text and "First3 Last3" in plan.text
    assert 'id="table-plan-pdf"' in plan.text and "csrfmiddlewaretoken" in plan.text
    pdf = _pdf_of(client, run_job(reverse("matchmaking:table_plan_pdf", args=[world.session.pk])))
    assert pages(pdf) == len(world.slots)


def test_all_agendas_before_any_publication_says_so(client, world, run_job):
    from tests.events.factories import UserFactory

    organiser = UserFactory(staff_of=[world.event.organisers.first()])
    client.login(email=organiser.email, password=PASSWORD)
    page = run_job(reverse("matchmaking:agendas_pdf", args=[world.session.pk]))
    assert page.context["job"].state == "failed" and not page.context["job"].output
    assert "No schedule is published yet" in page.content.decode()


def test_agenda_page_queries_stay_constant(client, world, django_assert_max_num_queries):
    meet(world, 0, 1, slot=0)
    release.publish(session=world.session)
    login(client, world.participants[0])
    url = reverse("matchmaking:my_agenda", args=[world.session.pk])
    client.get(url)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for slot in range(1, 6):
        meet(world, 0, 1 + slot % 3, slot=slot, table=slot % 3)
    release.publish(session=world.session)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200
