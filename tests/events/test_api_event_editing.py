"""The API does what the organisers' event pages do: create, edit, publish an event, its
programme (add, change, delete an item), its calendar files and the calendar's month."""

import datetime as dt
import json

import pytest

from maillage.accounts.models import ApiToken
from maillage.events.enums import EventStatus
from maillage.events.models import Event, ProgrammeItem
from tests.ecosystem.factories import AffiliationFactory, SectorFactory
from tests.events.factories import (
    EventFactory,
    OrganisationFactory,
    ParkFactory,
    PersonFactory,
    ProgrammeItemFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def bearer(user):
    _, token = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def send(client, method, url, payload, user):
    auth = bearer(user) if user else {}
    return getattr(client, method)(
        url, json.dumps(payload, default=str), content_type="application/json", **auth
    )


@pytest.fixture
def stranger():
    return UserFactory(staff_of=[ParkFactory(name="Other park")])


def new_event(park, **changes):
    payload = {
        "title": "Lunch of the robots",
        "kind": "networking_lunch",
        "organisers": [park.pk],
        "starts_at": "2027-03-02T12:00:00+01:00",
        "ends_at": "2027-03-02T14:00:00+01:00",
        "time_zone": "Europe/Paris",
        "address": "38 rue Joliot-Curie",
        "city": "Marseille",
        "country": "FR",
    }
    return {**payload, **changes}


# ---- creating ----------------------------------------------------------------------------------


def test_staff_create_a_draft_event(client, park, staff):
    sector = SectorFactory(code="robotics")
    response = send(client, "post", "/api/v1/events", new_event(park, sectors=["robotics"]), staff)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "draft" and body["slug"] == "lunch-of-the-robots"
    assert body["organisers"] == [{"slug": park.slug, "name": park.name}]
    assert body["sectors"] == [sector.code]
    event = Event.objects.get(slug=body["slug"])
    assert event.created_by == staff
    # a draft is hidden from everyone else
    assert client.get(f"/api/v1/events/{event.slug}").status_code == 404


def test_create_needs_a_signed_in_park_staff(client, park):
    assert send(client, "post", "/api/v1/events", new_event(park), None).status_code == 401
    participant = send(client, "post", "/api/v1/events", new_event(park), UserFactory())
    assert participant.status_code == 403
    assert not Event.objects.exists()


def test_create_refuses_organisers_that_leave_the_caller_out(client, park, stranger):
    response = send(client, "post", "/api/v1/events", new_event(park), stranger)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "organisers"]
    assert "your own organisations" in response.json()["detail"]
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"organisers": [2_000_000]}, "organisers"),
        ({"sectors": ["no-such-sector"]}, "sectors"),
        ({"series": 2_000_000}, "series"),
        ({"ends_at": "2027-03-02T11:00:00+01:00"}, "ends_at"),
        ({"starts_at": "2027-03-02T12:00:00"}, "starts_at"),  # no offset: ambiguous
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"kind": "rave"}, "kind"),
    ],
)
def test_create_bad_input_is_422_naming_the_field(client, park, staff, changes, field):
    response = send(client, "post", "/api/v1/events", new_event(park, **changes), staff)
    assert response.status_code == 422, response.content
    assert any(field in e["loc"] for e in response.json()["errors"]), response.json()
    assert not Event.objects.exists()


# ---- editing and publishing --------------------------------------------------------------------


def test_staff_edit_their_event(client, event, staff):
    response = send(
        client,
        "patch",
        f"/api/v1/events/{event.slug}",
        {"title": "Lunch 12/14, second edition", "capacity": 40, "venue_name": None},
        staff,
    )
    assert response.status_code == 200, response.content
    event.refresh_from_db()
    assert (event.title, event.capacity, event.venue_name) == (
        "Lunch 12/14, second edition",
        40,
        "",
    )
    assert event.city == "Marseille"  # left out, left alone


def test_edit_refuses_what_cannot_be_cleared_or_is_wrong(client, event, staff):
    url = f"/api/v1/events/{event.slug}"
    cleared = send(client, "patch", url, {"title": None}, staff)
    assert cleared.status_code == 422 and cleared.json()["errors"][0]["loc"] == ["body", "title"]
    backwards = send(
        client,
        "patch",
        url,
        {"ends_at": (event.starts_at - dt.timedelta(hours=1)).isoformat()},
        staff,
    )
    assert backwards.status_code == 422
    assert Event.objects.get(pk=event.pk).ends_at == event.ends_at


def test_other_parks_may_not_edit_or_publish(client, park, event, stranger):
    hidden = EventFactory(organisers=[park], is_public=False)
    url = f"/api/v1/events/{event.slug}"
    assert send(client, "patch", url, {"title": "Mine"}, stranger).status_code == 403
    assert (
        send(client, "post", url + "/status", {"status": "cancelled"}, stranger).status_code == 403
    )
    # a private event does not reveal that it exists
    missing = send(client, "patch", "/api/v1/events/no-such-event", {"title": "x"}, stranger)
    private = send(client, "patch", f"/api/v1/events/{hidden.slug}", {"title": "x"}, stranger)
    assert private.status_code == missing.status_code == 404
    assert private.json() == missing.json()
    assert send(client, "patch", url, {"title": "x"}, None).status_code == 401
    event.refresh_from_db()
    assert event.title == "Lunch 12/14" and event.status == EventStatus.PUBLISHED


def test_publish_then_cancel(client, park, staff):
    draft = EventFactory(organisers=[park], status=EventStatus.DRAFT)
    url = f"/api/v1/events/{draft.slug}/status"
    published = send(client, "post", url, {"status": "published"}, staff)
    assert published.status_code == 200 and published.json()["status"] == "published"
    assert client.get(f"/api/v1/events/{draft.slug}").status_code == 200  # now listed
    assert send(client, "post", url, {"status": "cancelled"}, staff).json()["status"] == "cancelled"
    assert send(client, "post", url, {"status": "postponed"}, staff).status_code == 422
    assert Event.objects.get(pk=draft.pk).status == EventStatus.CANCELLED


# ---- calendar files and months -----------------------------------------------------------------


def test_event_ics_and_the_public_feed(client, park, event):
    private = EventFactory(title="Board meeting", organisers=[park], is_public=False)
    one = client.get(f"/api/v1/events/{event.slug}/event.ics")
    assert one.status_code == 200 and one["Content-Type"].startswith("text/calendar")
    assert b"SUMMARY:Lunch 12/14" in one.content
    assert client.get(f"/api/v1/events/{private.slug}/event.ics").status_code == 404
    feed = client.get("/api/v1/events.ics")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    assert b"Lunch 12/14" in feed.content and b"Board meeting" not in feed.content


def test_a_month_of_the_calendar(client, park):
    may = EventFactory(
        title="May", organisers=[park], starts_at=dt.datetime(2026, 5, 12, 10, tzinfo=dt.UTC)
    )
    may.ends_at = may.starts_at + dt.timedelta(hours=2)
    may.save()
    june = EventFactory(
        title="June", organisers=[park], starts_at=dt.datetime(2026, 6, 2, 10, tzinfo=dt.UTC)
    )
    june.ends_at = june.starts_at + dt.timedelta(hours=2)
    june.save()
    response = client.get(
        "/api/v1/events",
        {
            "when": "all",
            "starts_from": "2026-05-01T00:00:00+02:00",
            "starts_until": "2026-05-31T23:59:59+02:00",
        },
    )
    assert [e["title"] for e in response.json()] == ["May"]
    bad = client.get("/api/v1/events", {"starts_from": "last tuesday"})
    assert bad.status_code == 422


# ---- programme ---------------------------------------------------------------------------------


def item_payload(event, **changes):
    payload = {
        "title": "Testimonial of Planktovie",
        "kind": "testimonial",
        "starts_at": event.starts_at.isoformat(),
        "ends_at": (event.starts_at + dt.timedelta(minutes=20)).isoformat(),
        "room": "Hall A",
    }
    return {**payload, **changes}


def test_staff_add_change_and_delete_a_programme_item(client, park, event, staff):
    speaker = PersonFactory(first_name="Ada", last_name="Martin")
    AffiliationFactory(person=speaker, organisation=park)
    url = f"/api/v1/events/{event.slug}/programme"
    added = send(client, "post", url, item_payload(event, speakers=[speaker.pk]), staff)
    assert added.status_code == 201, added.content
    item_id = added.json()["id"]
    assert added.json()["speakers"][0]["last_name"] == "Martin"
    changed = send(client, "patch", f"{url}/{item_id}", {"room": "Hall B", "speakers": []}, staff)
    assert changed.status_code == 200 and changed.json()["room"] == "Hall B"
    assert changed.json()["speakers"] == []
    detail = client.get(f"/api/v1/events/{event.slug}").json()
    assert [i["title"] for i in detail["programme"]] == ["Testimonial of Planktovie"]
    deleted = client.delete(f"{url}/{item_id}", **bearer(staff))
    assert deleted.status_code == 204
    assert not ProgrammeItem.objects.filter(pk=item_id).exists()
    assert client.delete(f"{url}/{item_id}", **bearer(staff)).status_code == 404


def test_programme_bad_input(client, event, staff):
    url = f"/api/v1/events/{event.slug}/programme"
    outside = send(
        client,
        "post",
        url,
        item_payload(event, starts_at=(event.starts_at - dt.timedelta(days=1)).isoformat()),
        staff,
    )
    assert outside.status_code == 422
    assert outside.json()["errors"][0]["loc"] == ["body", "starts_at"]
    hidden = PersonFactory()  # neither listed nor of an organisation the caller manages
    unknown = send(client, "post", url, item_payload(event, speakers=[hidden.pk]), staff)
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["loc"] == ["body", "speakers"]
    assert not event.programme.exists()


def test_programme_of_another_park_is_refused(client, park, event, staff, stranger):
    item = ProgrammeItemFactory(event=event)
    elsewhere = ProgrammeItemFactory(event=EventFactory(organisers=[OrganisationFactory()]))
    url = f"/api/v1/events/{event.slug}/programme"
    assert send(client, "post", url, item_payload(event), stranger).status_code == 403
    assert send(client, "patch", f"{url}/{item.pk}", {"title": "x"}, stranger).status_code == 403
    assert client.delete(f"{url}/{item.pk}", **bearer(stranger)).status_code == 403
    assert client.delete(f"{url}/{item.pk}").status_code == 401
    # an item of another event is not found under this one
    assert client.delete(f"{url}/{elsewhere.pk}", **bearer(staff)).status_code == 404
    assert ProgrammeItem.objects.filter(pk__in=[item.pk, elsewhere.pk]).count() == 2
    assert ProgrammeItem.objects.get(pk=item.pk).title == item.title


# ---- what the event's page shows ---------------------------------------------------------------


def test_event_detail_shows_seats_listed_participants_and_the_online_link_to_the_right_people(
    client, park, staff
):
    event = EventFactory(
        organisers=[park],
        capacity=3,
        online_url="https://visio.example/room",
        attendance_mode="hybrid",
    )
    listed = RegistrationFactory(event=event, listed_publicly=True)
    RegistrationFactory(event=event, listed_publicly=False)
    url = f"/api/v1/events/{event.slug}"
    anonymous = client.get(url).json()
    assert anonymous["seats_left"] == 1 and anonymous["registration_closed"] is None
    assert [p["name"] for p in anonymous["participants"]] == [str(listed.person)]
    assert anonymous["online_url"] == ""
    assert client.get(url, **bearer(staff)).json()["online_url"] == "https://visio.example/room"
    user = UserFactory()
    RegistrationFactory(event=event, person=PersonFactory(user=user))
    assert client.get(url, **bearer(user)).json()["online_url"] == "https://visio.example/room"
    event.status = EventStatus.CANCELLED
    event.save()
    cancelled = client.get(url).json()
    assert "cancelled" in cancelled["registration_closed"] and cancelled["participants"] == []


def test_calendar_files_give_the_online_link_only_to_those_who_may_join(client, park, staff):
    event = EventFactory(
        organisers=[park], online_url="https://visio.example/secret", attendance_mode="online"
    )
    link = b"visio.example/secret"

    def text(response):
        return response.content.replace(b"\r\n ", b"")  # unfold the 75-octet lines

    for url in (f"/api/v1/events/{event.slug}/event.ics", f"/events/{event.slug}/event.ics"):
        assert link not in text(client.get(url)), url
    assert link in text(client.get(f"/api/v1/events/{event.slug}/event.ics", **bearer(staff)))
    client.force_login(staff)
    assert link in text(client.get(f"/events/{event.slug}/event.ics"))
    assert link not in text(client.get("/api/v1/events.ics"))
    assert link not in text(client.get("/events/feed.ics"))
