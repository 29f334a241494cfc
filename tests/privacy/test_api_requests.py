"""The staff's privacy API: finding the person who asked, a copy of their data and their erasure
(both in the log, with the reason), asking their consent by e-mail (nothing changes until they
confirm), and the audit history — for the people and objects of one's own park only."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry

from maillage.accounts.models import ApiToken
from maillage.ecosystem.models import Person
from maillage.privacy.enums import DataRequestKind
from maillage.privacy.models import AnonymousPerson, ConsentRequest, DataRequest
from tests.ecosystem import directory_data
from tests.ecosystem.factories import AffiliationFactory, ParkFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def bearer(user) -> dict:
    _obj, token = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.fixture
def w():
    class W:
        pass

    w = W()
    w.ours, w.theirs = ParkFactory(name="Ours"), ParkFactory(name="Theirs")
    w.staff = UserFactory(staff_of=[w.ours])
    w.stranger = UserFactory(staff_of=[w.theirs])
    w.person = AffiliationFactory(
        organisation=w.ours, person=PersonFactory(email="ada@example.org")
    ).person
    w.auth, w.other = bearer(w.staff), bearer(w.stranger)
    return w


def post(client, url, body, auth):
    return client.post(url, body, content_type="application/json", **auth)


def test_find_the_person_among_those_one_manages(client, w):
    found = client.get("/api/v1/privacy/people", {"email": "ADA@example.org"}, **w.auth)
    assert found.status_code == 200 and found.json()["id"] == w.person.pk
    hidden = client.get("/api/v1/privacy/people", {"email": "ada@example.org"}, **w.other)
    unknown = client.get("/api/v1/privacy/people", {"email": "nobody@example.org"}, **w.other)
    assert hidden.status_code == unknown.status_code == 404
    assert hidden.json() == unknown.json()
    participant = bearer(UserFactory())
    assert (
        client.get("/api/v1/privacy/people", {"email": "a@b.c"}, **participant).status_code == 403
    )
    assert client.get("/api/v1/privacy/people", {"email": "a@b.c"}).status_code == 401


def test_a_copy_of_the_data_is_logged_with_its_reason(client, w):
    url = f"/api/v1/privacy/people/{w.person.pk}/data"
    assert post(client, url, {}, w.auth).status_code == 422  # no reason
    assert post(client, url, {"reason": "Mail of 3 May"}, w.other).status_code == 404
    response = post(client, url, {"reason": "Mail of 3 May"}, w.auth)
    assert response.status_code == 200 and response.json()["sections"]
    logged = DataRequest.objects.get(person=w.person)
    assert (logged.kind, logged.reason) == (DataRequestKind.ACCESS, "Mail of 3 May")
    log = client.get("/api/v1/privacy/requests", **w.auth).json()
    assert [r["id"] for r in log] == [logged.pk]
    assert client.get("/api/v1/privacy/requests", **w.other).json() == []


def test_erasure_needs_confirmation_and_stays_in_the_log(client, w):
    url = f"/api/v1/privacy/people/{w.person.pk}/erase"
    unconfirmed = post(client, url, {"reason": "Phone call"}, w.auth)
    assert (
        unconfirmed.status_code == 422 and unconfirmed.json()["errors"][0]["loc"][-1] == "confirm"
    )
    assert post(client, url, {"reason": "Phone call", "confirm": True}, w.other).status_code == 404
    assert not AnonymousPerson.objects.filter(person=w.person).exists()
    done = post(client, url, {"reason": "Phone call", "confirm": True}, w.auth)
    assert done.status_code == 200 and done.json()["erased"] is True
    assert Person.objects.get(pk=w.person.pk).email != "ada@example.org"
    assert DataRequest.objects.get(person=w.person).kind == DataRequestKind.ERASURE


def test_asking_consent_mails_the_person_and_changes_nothing(client, w):
    url = f"/api/v1/privacy/people/{w.person.pk}/ask-consent"
    assert post(client, url, {"granted": True}, w.other).status_code == 404
    asked = post(client, url, {"granted": True}, w.auth).json()
    assert asked["asked"] is True
    assert ConsentRequest.objects.get(person=w.person).requested_by == w.staff
    assert Person.objects.get(pk=w.person.pk).public_consent is False
    assert post(client, url, {"granted": False}, w.auth).json()["asked"] is False


def test_history_for_editors_only(client):
    d = directory_data.build()
    d.biotech.city = "La Ciotat"
    d.biotech.save()
    url = f"/api/v1/privacy/history/organisation/{d.biotech.pk}"
    entries = client.get(url, **bearer(d.staff_a)).json()
    assert entries[0]["changes"]["city"][1] == "La Ciotat"
    assert LogEntry.objects.get_for_object(d.biotech).count() == len(entries)
    assert client.get(url, **bearer(d.staff_b)).status_code == 404
    assert client.get(url).status_code == 401
    unknown = client.get(f"/api/v1/privacy/history/person/{d.biotech.pk}", **bearer(d.staff_a))
    assert unknown.status_code == 404
