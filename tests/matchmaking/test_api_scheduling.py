"""The scheduling API: own requests, wishes and meetings; runs for staff; forbidden cases."""

from __future__ import annotations

import pytest

from maillage.accounts.models import ApiToken
from maillage.matchmaking.models import ScheduleRun
from maillage.matchmaking.scheduling import release
from maillage.matchmaking.services import editing, requests
from maillage.matchmaking.services.sessions import ensure_draft
from tests.events.factories import ParkFactory, UserFactory

pytestmark = pytest.mark.django_db

BASE = "/api/v1/matchmaking"


def bearer(user):
    _, token = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def user_of(p):
    return p.registration.person.user


def test_send_list_accept_and_see_the_meeting(client, session, people):
    a, b, c, *_ = people
    sent = client.post(
        f"{BASE}/sessions/{session.pk}/requests",
        {"recipient": b.pk, "message": "Hello"},
        content_type="application/json",
        **bearer(user_of(a)),
    )
    assert sent.status_code == 201, sent.content
    rid = sent.json()["id"]
    inbox = client.get(f"{BASE}/sessions/{session.pk}/requests", **bearer(user_of(b))).json()
    assert [(r["id"], r["direction"], r["other"]["participant"]) for r in inbox] == [
        (rid, "received", a.pk)
    ]
    # The sender cannot accept their own request; a stranger does not even see it.
    assert client.post(f"{BASE}/requests/{rid}/accept", **bearer(user_of(a))).status_code == 403
    assert client.post(f"{BASE}/requests/{rid}/accept", **bearer(user_of(c))).status_code == 404
    accepted = client.post(f"{BASE}/requests/{rid}/accept", **bearer(user_of(b)))
    assert accepted.status_code == 200 and accepted.json()["table"] == "Table 1"
    assert client.post(f"{BASE}/requests/{rid}/decline", **bearer(user_of(b))).status_code == 409
    # Meetings are shown once published, to the two participants only.
    assert client.get(f"{BASE}/sessions/{session.pk}/meetings", **bearer(user_of(a))).json() == []
    release.publish(session=session)
    mine = client.get(f"{BASE}/sessions/{session.pk}/meetings", **bearer(user_of(a))).json()
    assert [m["with_"][0]["participant"] for m in mine] == [b.pk]
    assert client.get(f"{BASE}/sessions/{session.pk}/meetings", **bearer(user_of(c))).json() == []


def test_wishes_are_own_only(client, session, people):
    a, b, c, *_ = people
    url = f"{BASE}/sessions/{session.pk}/wishes"
    put = client.put(
        f"{url}/{b.pk}",
        {"level": "must_meet"},
        content_type="application/json",
        **bearer(user_of(a)),
    )
    assert put.status_code == 200
    assert [w["target"]["participant"] for w in client.get(url, **bearer(user_of(a))).json()] == [
        b.pk
    ]
    assert client.get(url, **bearer(user_of(c))).json() == []
    bad = client.put(
        f"{url}/{b.pk}", {"level": "maybe"}, content_type="application/json", **bearer(user_of(a))
    )
    # a service's ValidationError is 422 under the API's one error policy (was 400)
    assert bad.status_code == 422 and "Unknown wish" in bad.json()["detail"]
    cleared = client.put(
        f"{url}/{b.pk}", {"level": None}, content_type="application/json", **bearer(user_of(a))
    )
    assert cleared.status_code == 204


def test_outsiders_and_anonymous_are_refused(client, session, people):
    outsider = UserFactory()
    for path in ("requests", "wishes", "meetings"):
        assert (
            client.get(f"{BASE}/sessions/{session.pk}/{path}", **bearer(outsider)).status_code
            == 403
        )
        assert client.get(f"{BASE}/sessions/{session.pk}/{path}").status_code == 401


@pytest.mark.django_db(transaction=True)
def test_staff_start_watch_and_stop_runs(client, session, people, organiser):
    a, b, *_ = people
    editing.add_meeting(
        schedule=ensure_draft(session),
        people=[a, b],
        slot=session.slots.first(),
        table=session.tables.first(),
    )
    started = client.post(
        f"{BASE}/sessions/{session.pk}/runs",
        {"time_limit": 10},
        content_type="application/json",
        **bearer(organiser),
    )
    assert started.status_code == 201, started.content
    run_id = started.json()["id"]
    status = client.get(f"{BASE}/runs/{run_id}", **bearer(organiser)).json()
    assert status["status"] == "succeeded" and status["result"]["meetings"] == 1
    assert (
        client.post(f"{BASE}/runs/{run_id}/stop", **bearer(organiser)).json()["status"]
        == "succeeded"
    )


def test_other_parks_staff_and_participants_cannot_run(client, session, people):
    other_staff = UserFactory(staff_of=[ParkFactory()])
    for user in (other_staff, user_of(people[0])):
        assert (
            client.post(
                f"{BASE}/sessions/{session.pk}/runs",
                {"time_limit": 10},
                content_type="application/json",
                **bearer(user),
            ).status_code
            == 403
        )
    run = ScheduleRun.objects.create(session=session)
    assert client.get(f"{BASE}/runs/{run.pk}", **bearer(other_staff)).status_code == 404
    assert client.post(f"{BASE}/runs/{run.pk}/stop", **bearer(other_staff)).status_code == 404
    run.refresh_from_db()
    assert not run.stop_requested


def test_a_declined_request_through_the_api(client, session, people):
    a, b, *_ = people
    r = requests.send_request(sender=a, recipient=b)
    out = client.post(f"{BASE}/requests/{r.pk}/decline", **bearer(user_of(b)))
    assert out.status_code == 200 and out.json()["status"] == "declined"


def test_self_booking_through_the_api(client, session, people):
    a, b, c, *_ = people
    url = f"{BASE}/sessions/{session.pk}/bookings"
    early = client.post(
        url, {"participant": b.pk, "slot": 1}, content_type="application/json", **bearer(user_of(a))
    )
    assert early.status_code == 409 and "publish" in early.json()["detail"]
    editing.add_meeting(
        schedule=ensure_draft(session),
        people=[a, c],
        slot=session.slots.first(),
        table=session.tables.first(),
    )
    release.publish(session=session)
    free = client.get(
        f"{BASE}/sessions/{session.pk}/free-slots/{b.pk}", **bearer(user_of(a))
    ).json()
    assert free == [1, 2, 3, 4, 5]
    made = client.post(
        url, {"participant": b.pk, "slot": 1}, content_type="application/json", **bearer(user_of(a))
    )
    assert made.status_code == 201 and made.json()["source"] == "self_booked"
    assert (
        client.post(
            url,
            {"participant": b.pk, "slot": 1},
            content_type="application/json",
            **bearer(UserFactory()),
        ).status_code
        == 403
    )
