"""The staff schedule through the API: the draft grid, hand edits with their conflicts (409),
a run's schedule applied, publishing and the versions; on the day, absences and the re-plan."""

from __future__ import annotations

import pytest
from django.utils import timezone

from maillage.accounts.models import ApiToken
from maillage.matchmaking.enums import RunStatus
from maillage.matchmaking.models import Meeting, ScheduleRun
from maillage.matchmaking.scheduling import release
from maillage.matchmaking.services.sessions import ensure_draft
from tests.events.factories import ParkFactory, UserFactory
from tests.matchmaking.published import make_session as make_published
from tests.matchmaking.published import meet

pytestmark = pytest.mark.django_db

BASE = "/api/v1/matchmaking"


def bearer(user):
    _, token = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def send(client, method, url, user, body=None):
    return getattr(client, method)(
        url, body if body is not None else {}, content_type="application/json", **bearer(user)
    )


@pytest.fixture
def world():
    return make_published(people=4)


@pytest.fixture
def staff(world):
    return UserFactory(staff_of=list(world.event.organisers.all()))


def test_add_a_meeting_see_it_in_the_grid_and_a_conflict_is_409(client, world, staff):
    a, b, c, _d = world.participants
    base = f"{BASE}/sessions/{world.session.pk}"
    body = {"participants": [a.pk, b.pk], "slot": world.slots[0].pk, "table": world.tables[0].pk}
    made = send(client, "post", f"{base}/draft/meetings", staff, body)
    assert made.status_code == 201, made.content
    meeting = made.json()
    assert [p["participant"] for p in meeting["participants"]] == [a.pk, b.pk]
    assert meeting["source"] == "manual" and meeting["table_name"] == "Table 1"
    draft = client.get(f"{base}/draft", **bearer(staff)).json()
    assert draft["meetings"] == 1 and draft["published_version"] is None
    assert draft["grid"]["columns"][:2] == ["Table 1", "Table 2"]
    assert draft["grid"]["rows"][0]["cells"][0]["id"] == meeting["id"]
    assert draft["grid"]["rows"][1]["cells"][0] is None
    # The same person in the same slot: a conflict that names them, nothing added.
    body = {"participants": [a.pk, c.pk], "slot": world.slots[0].pk, "table": world.tables[1].pk}
    busy = send(client, "post", f"{base}/draft/meetings", staff, body)
    assert busy.status_code == 409 and "already meets" in busy.json()["detail"]
    assert Meeting.objects.filter(schedule=ensure_draft(world.session)).count() == 1


def test_bad_meeting_bodies_are_422_naming_the_field(client, world, staff):
    a, b, *_ = world.participants
    other = make_published(people=2)
    base = f"{BASE}/sessions/{world.session.pk}/draft/meetings"
    foreign_slot = {"participants": [a.pk, b.pk], "slot": other.slots[0].pk}
    wrong = send(client, "post", base, staff, foreign_slot)
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["loc"] == ["body", "slot"]
    stranger = {"participants": [a.pk, other.participants[0].pk], "slot": world.slots[0].pk}
    wrong = send(client, "post", base, staff, stranger)
    assert wrong.status_code == 422
    assert wrong.json()["errors"][0]["loc"] == ["body", "participants"]
    alone = send(client, "post", base, staff, {"participants": [a.pk], "slot": world.slots[0].pk})
    assert alone.status_code == 422
    # Neither a table nor a room: the placement's sentence, as a conflict.
    nowhere = send(
        client, "post", base, staff, {"participants": [a.pk, b.pk], "slot": world.slots[0].pk}
    )
    assert nowhere.status_code == 409 and "table or an online room" in nowhere.json()["detail"]
    assert not Meeting.objects.filter(schedule__session=world.session).exists()


def test_move_lock_swap_and_remove(client, world, staff):
    first = meet(world, 0, 1, slot=0)
    second = meet(world, 2, 3, slot=1, table=1)
    base = f"{BASE}/sessions/{world.session.pk}/draft/meetings"
    moved = send(
        client, "patch", f"{base}/{first.pk}", staff, {"slot": world.slots[3].pk, "locked": True}
    )
    assert moved.status_code == 200, moved.content
    assert moved.json()["slot"]["index"] == 3 and moved.json()["locked"] is True
    table = send(client, "patch", f"{base}/{first.pk}", staff, {"table": world.tables[2].pk})
    assert table.json()["table_name"] == "Table 3" and table.json()["slot"]["index"] == 3
    # A table taken in that slot: 409, the meeting stays where it was.
    taken = send(
        client,
        "patch",
        f"{base}/{second.pk}",
        staff,
        {"slot": world.slots[3].pk, "table": world.tables[2].pk},
    )
    assert taken.status_code == 409 and "already taken" in taken.json()["detail"]
    second.refresh_from_db()
    assert second.slot_id == world.slots[1].pk
    swapped = send(client, "post", f"{base}/{first.pk}/swap", staff, {"other": second.pk})
    assert swapped.status_code == 200
    assert [m["slot"]["index"] for m in swapped.json()] == [1, 3]
    unknown = send(client, "post", f"{base}/{first.pk}/swap", staff, {"other": 2_000_000})
    assert unknown.status_code == 422
    assert client.get(f"{base}/{first.pk}", **bearer(staff)).json()["slot"]["index"] == 1
    assert client.delete(f"{base}/{first.pk}", **bearer(staff)).status_code == 204
    assert client.get(f"{base}/{first.pk}", **bearer(staff)).status_code == 404


def test_publish_versions_and_what_each_was_told(client, world, staff):
    base = f"{BASE}/sessions/{world.session.pk}"
    empty = send(client, "post", f"{base}/versions", staff, {"name": "Too early"})
    assert empty.status_code == 409 and "no meetings" in empty.json()["detail"]
    meet(world, 0, 1, slot=0)
    published = send(client, "post", f"{base}/versions", staff, {"name": "First", "comment": "Hi"})
    assert published.status_code == 201, published.content
    assert published.json()["version"] == 1 and published.json()["participants_told"] == 2
    listed = client.get(f"{base}/versions", **bearer(staff)).json()
    assert [(v["version"], v["name"], v["meetings"]) for v in listed] == [(1, "First", 1)]
    one = client.get(f"{base}/versions/1", **bearer(staff)).json()
    assert {n["person"]["participant"] for n in one["notices"]} == {
        world.participants[0].pk,
        world.participants[1].pk,
    }
    assert one["notices"][0]["changes"][0]["kind"] == "added"
    assert one["grid"]["rows"][0]["cells"][0] is not None
    assert client.get(f"{base}/versions/7", **bearer(staff)).status_code == 404
    # A published version's meetings are frozen: they are no meetings of the draft.
    frozen = Meeting.objects.get(schedule__version=1)
    edit = send(client, "patch", f"{base}/draft/meetings/{frozen.pk}", staff, {"locked": True})
    assert edit.status_code == 404
    frozen.refresh_from_db()
    assert frozen.locked is False


def test_only_a_stopped_run_with_a_schedule_is_applied(client, world, staff):
    run = ScheduleRun.objects.create(session=world.session, started_by=staff)
    refused = client.post(f"{BASE}/runs/{run.pk}/apply", **bearer(staff))
    assert refused.status_code == 409 and "stopped run" in refused.json()["detail"]
    a, b = world.participants[:2]
    plan = [
        {
            "people": [a.pk, b.pk],
            "slot": world.slots[2].pk,
            "table": world.tables[0].pk,
            "room": None,
            "source": "wish",
            "weight": 2,
            "locked": False,
            "request": None,
        }
    ]
    ScheduleRun.objects.filter(pk=run.pk).update(
        status=RunStatus.STOPPED, best_found=plan, finished_at=timezone.now()
    )
    applied = client.post(f"{BASE}/runs/{run.pk}/apply", **bearer(staff))
    assert applied.status_code == 200, applied.content
    assert applied.json()["meetings"] == 1
    assert client.post(f"{BASE}/runs/{run.pk}/apply", **bearer(staff)).status_code == 409
    stranger = UserFactory(staff_of=[ParkFactory(name="Other park")])
    assert client.post(f"{BASE}/runs/{run.pk}/apply", **bearer(stranger)).status_code == 404


def test_absences_and_the_repair(client, world, staff):
    a = world.participants[0]
    base = f"{BASE}/sessions/{world.session.pk}"
    nothing = client.post(f"{base}/repairs", **bearer(staff))
    assert nothing.status_code == 409 and "publish a schedule" in nothing.json()["detail"]
    url = f"{base}/participants/{a.pk}/absence"
    marked = send(client, "put", url, staff, {"from_slot": world.slots[2].pk})
    assert marked.status_code == 200 and marked.json()["from_slot"]["index"] == 2
    listed = client.get(f"{base}/absences", **bearer(staff)).json()
    assert [r["person"]["participant"] for r in listed] == [a.pk]
    other = make_published(people=0)
    wrong = send(client, "put", url, staff, {"from_slot": other.slots[0].pk})
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["loc"] == ["body", "from_slot"]
    assert client.delete(url, **bearer(staff)).status_code == 204
    assert client.get(f"{base}/absences", **bearer(staff)).json() == []
    # The re-plan keeps the published meeting and publishes version 2.
    meet(world, 0, 1, slot=3)
    release.publish(session=world.session)
    repaired = client.post(f"{base}/repairs", **bearer(staff))
    assert repaired.status_code == 201, repaired.content
    assert repaired.json()["version"] == 2 and repaired.json()["meetings"] >= 1


def test_outsiders_cannot_touch_the_schedule(client, world, staff):
    meeting = meet(world, 0, 1, slot=0)
    base = f"{BASE}/sessions/{world.session.pk}"
    stranger = UserFactory(staff_of=[ParkFactory(name="Other park")])
    participant = world.participants[0].registration.person.user
    assert client.get(f"{base}/draft").status_code == 401
    assert client.delete(f"{base}/draft/meetings/{meeting.pk}").status_code == 401
    for user in (stranger, participant):
        assert client.get(f"{base}/draft", **bearer(user)).status_code == 403
        gone = client.delete(f"{base}/draft/meetings/{meeting.pk}", **bearer(user))
        assert gone.status_code == 403
        body = {"from_slot": world.slots[0].pk}
        url = f"{base}/participants/{world.participants[1].pk}/absence"
        assert send(client, "put", url, user, body).status_code == 403
        assert send(client, "post", f"{base}/versions", user).status_code == 403
    assert Meeting.objects.filter(pk=meeting.pk).exists()
    assert not world.session.schedules.filter(status="published").exists()


def test_the_grid_and_the_participants_read_in_constant_queries(
    client, world, staff, django_assert_max_num_queries
):
    base = f"{BASE}/sessions/{world.session.pk}"
    meet(world, 0, 1, slot=0)
    release.publish(session=world.session)
    headers = bearer(staff)
    counts = []
    for extra in range(2):
        meet(world, 2, 3, slot=1 + extra, table=1)
        with django_assert_max_num_queries(40) as ctx:
            for path in ("draft", "participants", "versions/1"):
                assert client.get(f"{base}/{path}", **headers).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]  # one more meeting, not one more query
