import pytest

from maillage.accounts.models import ApiToken
from maillage.events.enums import EventStatus, RegistrationStatus
from maillage.events.models import Registration
from tests.events.factories import (
    EventFactory,
    ParkFactory,
    PersonFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
S = RegistrationStatus


def bearer(user):
    _, token = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_list_public_events_for_anonymous(client, event, park):
    EventFactory(title="Private", is_public=False, organisers=[park])
    EventFactory(title="Draft", status=EventStatus.DRAFT, organisers=[park])
    data = client.get("/api/v1/events").json()
    assert [e["title"] for e in data] == ["Lunch 12/14"]
    assert data[0]["organisers"][0]["name"] == park.name
    assert data[0]["time_zone"] == "Europe/Paris"


def test_staff_see_their_private_events_only(client, staff, park):
    mine = EventFactory(title="Ours", is_public=False, organisers=[park])
    EventFactory(title="Theirs", is_public=False, organisers=[ParkFactory()])
    titles = [e["title"] for e in client.get("/api/v1/events", **bearer(staff)).json()]
    assert titles == ["Ours"]
    assert client.get(f"/api/v1/events/{mine.slug}", **bearer(staff)).status_code == 200
    assert client.get(f"/api/v1/events/{mine.slug}").status_code == 404


def test_event_detail_with_programme(client, event):
    event.programme.create(title="Welcome", starts_at=event.starts_at, ends_at=event.ends_at)
    data = client.get(f"/api/v1/events/{event.slug}").json()
    assert data["programme"][0]["title"] == "Welcome"


def test_bad_filter_is_422(client):
    response = client.get("/api/v1/events", {"when": "tomorrow"})
    assert response.status_code == 422


def test_register_self_then_duplicate_and_mine(client, event):
    user = UserFactory(email="ada@planktovie.example", first_name="Ada", last_name="Martin")
    auth = bearer(user)
    url = f"/api/v1/events/{event.slug}/registrations"
    payload = {"organisation_name": "Planktovie", "country": "FR", "participation_type": "startup"}
    response = client.post(url, payload, content_type="application/json", **auth)
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "confirmed"
    again = client.post(url, payload, content_type="application/json", **auth)
    assert again.status_code == 409 and "already registered" in again.json()["detail"]
    mine = client.get("/api/v1/registrations/mine", **auth).json()
    assert [r["event"] for r in mine] == [event.slug]


def test_register_bad_input(client, event):
    auth = bearer(UserFactory(email="x@y.example", first_name="X", last_name="Y"))
    url = f"/api/v1/events/{event.slug}/registrations"
    bad_country = client.post(
        url, {"organisation_name": "Org", "country": "ZZ"}, content_type="application/json", **auth
    )
    # a service's ValidationError is 422 under the API's one error policy (was 400)
    assert bad_country.status_code == 422 and "ISO 3166" in bad_country.json()["detail"]
    bad_type = client.post(
        url, {"participation_type": "alien"}, content_type="application/json", **auth
    )
    assert bad_type.status_code == 422
    other = client.post(
        url, {"email": "someone@else.example"}, content_type="application/json", **auth
    )
    assert other.status_code == 403
    assert client.post(url, {}, content_type="application/json").status_code == 401


def test_register_closed_event(client, event):
    event.status = EventStatus.CANCELLED
    event.save()
    auth = bearer(UserFactory(first_name="A", last_name="B"))
    response = client.post(
        f"/api/v1/events/{event.slug}/registrations", {}, content_type="application/json", **auth
    )
    # cancelling twice is a conflict with the registration's state (was 400)
    assert response.status_code == 409 and "cancelled" in response.json()["detail"]


def test_participant_sees_only_own_registrations(client, event, staff):
    user = UserFactory()
    own = RegistrationFactory(event=event, person=PersonFactory(user=user))
    other = RegistrationFactory(event=event)
    auth = bearer(user)
    assert client.get(f"/api/v1/registrations/{own.pk}", **auth).status_code == 200
    assert client.get(f"/api/v1/registrations/{other.pk}", **auth).status_code == 404
    assert client.get(f"/api/v1/events/{event.slug}/registrations", **auth).status_code == 403
    assert client.post(f"/api/v1/registrations/{other.pk}/cancel", **auth).status_code == 404
    assert client.post(f"/api/v1/registrations/{own.pk}/approve", **auth).status_code == 403
    assert (
        client.post(f"/api/v1/registrations/{own.pk}/cancel", **auth).json()["status"]
        == "cancelled"
    )


def test_staff_registrations_and_check_in(client, event, staff):
    registration = RegistrationFactory(event=event)
    RegistrationFactory(event=EventFactory(organisers=[ParkFactory()]))  # someone else's event
    auth = bearer(staff)
    rows = client.get(f"/api/v1/events/{event.slug}/registrations", **auth).json()
    assert [r["id"] for r in rows] == [registration.pk]
    url = f"/api/v1/events/{event.slug}/check-in"
    first = client.post(url, {"token": registration.token}, content_type="application/json", **auth)
    assert first.status_code == 200 and first.json()["checked_in_at"]
    second = client.post(
        url, {"token": registration.token}, content_type="application/json", **auth
    )
    assert second.json()["checked_in_at"] == first.json()["checked_in_at"]
    assert (
        client.post(url, {"token": "nope"}, content_type="application/json", **auth).status_code
        == 404
    )
    outsider = bearer(UserFactory(staff_of=[ParkFactory()]))
    assert (
        client.post(
            url, {"token": registration.token}, content_type="application/json", **outsider
        ).status_code
        == 403
    )


def test_check_in_waitlisted_is_conflict(client, event, staff):
    registration = RegistrationFactory(event=event, status=S.WAITLISTED)
    response = client.post(
        f"/api/v1/events/{event.slug}/check-in",
        {"token": registration.token},
        content_type="application/json",
        **bearer(staff),
    )
    assert response.status_code == 409 and "not confirmed" in response.json()["detail"]


def test_staff_approves_via_api(client, event, staff):
    registration = RegistrationFactory(event=event, status=S.PENDING)
    response = client.post(f"/api/v1/registrations/{registration.pk}/approve", **bearer(staff))
    assert response.json()["status"] == "confirmed"
    assert Registration.objects.get(pk=registration.pk).status == S.CONFIRMED


def test_staff_registering_an_address_do_not_see_the_stored_name(client, event, staff):
    """The response echoes what the organiser typed, not the private profile stored for it."""
    PersonFactory(
        email="hidden@elsewhere.example", first_name="Secretfirst", last_name="Secretlast"
    )
    url = f"/api/v1/events/{event.slug}/registrations"
    payload = {"email": "hidden@elsewhere.example", "first_name": "Typed", "last_name": "Name"}
    response = client.post(url, payload, content_type="application/json", **bearer(staff))
    assert response.status_code == 201, response.content
    body = response.content.decode()
    assert "Secret" not in body
    assert response.json()["first_name"] == "Typed"
    # someone who agreed to be listed is shown as stored
    PersonFactory(
        email="open@elsewhere.example",
        first_name="Openfirst",
        last_name="Openlast",
        public_consent=True,
    )
    payload = {"email": "open@elsewhere.example"}
    shown = client.post(url, payload, content_type="application/json", **bearer(staff))
    assert shown.status_code == 201 and shown.json()["first_name"] == "Openfirst"
