"""GDPR: a person downloads their data and erases it; staff do it on request; retention."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from maillage.accounts.models import ApiToken
from maillage.ecosystem.models import Person
from maillage.events.models import Registration
from maillage.matchmaking.models import MeetingRequest
from maillage.privacy import erasure
from maillage.privacy.models import AnonymousPerson, ConsentRecord, DataRequest
from maillage.privacy.services import record_consent
from tests.ecosystem.factories import (
    PASSWORD,
    AffiliationFactory,
    OrganisationFactory,
    ParkFactory,
    PersonFactory,
    UserFactory,
)
from tests.events.factories import EventFactory, RegistrationFactory
from tests.matchmaking.factories import MeetingRequestFactory, WishFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ada(db):
    user = UserFactory(email="ada@planktovie.example")
    person = PersonFactory(
        user=user,
        first_name="Ada",
        last_name="Martin",
        email="ada@planktovie.example",
        phone="+33 6 12 34 56 78",
        bio="Marine biologist",
    )
    record_consent(
        person=person,
        purpose="public_directory",
        granted=True,
        how="signed_in",
        text="t",
        user=user,
    )
    return person


def test_the_person_downloads_all_their_data_as_json_and_sees_it_on_a_page(client, ada):
    registration = RegistrationFactory(person=ada, job_title="CEO")
    request = MeetingRequestFactory(
        sender__registration=registration, message="Let us talk plankton"
    )
    WishFactory(target=request.sender, author=request.recipient)  # someone's wish about Ada
    client.force_login(ada.user)
    response = client.get(reverse("privacy:my_data_json"))
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)["sections"]
    assert data["ecosystem.person"][0]["phone"] == "+33 6 12 34 56 78"
    assert data["events.registration.person"][0]["job_title"] == "CEO"
    assert data["matchmaking.meetingrequest.sender"][0]["message"] == "Let us talk plankton"
    assert data["privacy.consentrecord.person"][0]["how"] == "the person signed in"
    assert "matchmaking.wish.target" not in data  # another participant's private wish
    assert "password" not in json.dumps(data) and "token" not in json.dumps(data)
    page = client.get(reverse("privacy:my_data")).content.decode()
    assert "Let us talk plankton" in page and "Marine biologist" in page


def test_my_data_needs_sign_in(client):
    response = client.get(reverse("privacy:my_data_json"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_erasure_anonymises_the_person_and_keeps_the_figures(client, ada):
    event = EventFactory()
    other = RegistrationFactory(event=event)
    mine = RegistrationFactory(event=event, person=ada, job_title="CEO")
    sent = MeetingRequestFactory(
        sender__registration=mine, recipient__registration=other, message="Hello from Ada"
    )
    AffiliationFactory(person=ada)
    old_token = mine.token
    client.force_login(ada.user)
    refused = client.post(reverse("privacy:erase_me"), {})
    assert refused.status_code == 200 and "Tick the box" in refused.content.decode()
    client.post(reverse("privacy:erase_me"), {"confirm": "on"})
    ada.refresh_from_db()
    assert (ada.first_name, ada.last_name, ada.email, ada.phone, ada.bio) == (
        "Anonymous",
        "",
        "",
        "",
        "",
    )
    assert not ada.public_consent and ada.user is None and not ada.affiliations.exists()
    assert ConsentRecord.objects.filter(person=ada).last().how == "erasure"
    mine.refresh_from_db()
    assert mine.person == ada and mine.job_title == "" and mine.token != old_token
    assert event.registrations.count() == 2  # the figures still count Ada's registration
    sent.refresh_from_db()
    assert sent.message == "" and sent.recipient.registration == other
    erased = DataRequest.objects.get(person=ada)
    assert (erased.kind, erased.basis) == ("erasure", "self")
    assert client.get(reverse("privacy:my_data")).status_code == 302  # signed out
    assert not client.login(email="ada@planktovie.example", password=PASSWORD)


def test_staff_of_the_managing_park_erase_on_request_with_a_reason(client, ada):
    park = ParkFactory()
    company = OrganisationFactory(host_park=park)
    AffiliationFactory(person=ada, organisation=company)
    staff = UserFactory(staff_of=[park])
    stranger = UserFactory(staff_of=[ParkFactory()])
    url = reverse("privacy:staff_person_erase", kwargs={"pk": ada.pk})
    client.force_login(stranger)
    found = client.get(reverse("privacy:staff_requests"), {"email": ada.email})
    assert "No person you manage" in found.content.decode()
    assert client.post(url, {"erase-reason": "x", "erase-confirm": "on"}).status_code == 404
    client.force_login(staff)
    page = client.get(reverse("privacy:staff_requests"), {"email": ada.email}).content.decode()
    assert "Ada Martin" in page
    client.post(url, {"erase-reason": "", "erase-confirm": "on"})
    assert not DataRequest.objects.exists()  # no reason, nothing done
    data = client.post(
        reverse("privacy:staff_person_data", kwargs={"pk": ada.pk}),
        {"access-reason": "letter of 3 May"},
    )
    assert json.loads(data.content)["sections"]["ecosystem.person"][0]["last_name"] == "Martin"
    client.post(url, {"erase-reason": "e-mail of 3 May", "erase-confirm": "on"})
    ada.refresh_from_db()
    assert ada.first_name == "Anonymous"
    log = list(
        DataRequest.objects.order_by("created_at", "id").values_list(
            "kind", "basis", "performed_by", "reason"
        )
    )
    assert log == [
        ("access", "staff", staff.pk, "letter of 3 May"),
        ("erasure", "staff", staff.pk, "e-mail of 3 May"),
    ]


def test_staff_requests_page_is_for_staff_only(client):
    client.force_login(UserFactory())
    assert client.get(reverse("privacy:staff_requests")).status_code == 403


def test_retention_anonymises_registrations_of_old_events_only(settings, ada):
    settings.MAILLAGE_RETENTION_DAYS = 365
    now = timezone.now()
    old = EventFactory(
        starts_at=now - dt.timedelta(days=400), ends_at=now - dt.timedelta(days=400, hours=-2)
    )
    recent = EventFactory()
    old_mine = RegistrationFactory(event=old, person=ada, job_title="CEO")
    old_theirs = RegistrationFactory(event=old)
    kept = RegistrationFactory(event=recent, person=ada)
    assert erasure.anonymise_old_registrations() == 2
    assert erasure.anonymise_old_registrations() == 0  # idempotent
    old_mine.refresh_from_db()
    assert old_mine.person != ada and old_mine.job_title == ""
    assert old_mine.person.first_name == "Anonymous" and not old_mine.person.email
    assert AnonymousPerson.objects.filter(cause="retention").count() == 2
    assert Registration.objects.filter(event=old).count() == 2
    kept.refresh_from_db()
    assert kept.person == ada and Person.objects.get(pk=ada.pk).first_name == "Ada"
    assert old_theirs.pk and MeetingRequest.objects.count() == 0


def test_the_retention_job_is_a_periodic_task(settings):
    assert ("maillage.privacy.tasks.anonymise_old_registrations", 24 * 3600) in (
        settings.MAILLAGE_PERIODIC_TASKS
    )


def test_privacy_page_is_public_and_linked_from_every_page(client):
    page = client.get(reverse("privacy:policy"))
    assert page.status_code == 200 and "How long" in page.content.decode()
    assert reverse("privacy:policy") in client.get(reverse("home")).content.decode()


def test_api_my_data_and_erasure(client, ada):
    _obj, token = ApiToken.issue(user=ada.user, name="test")
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/privacy/me").status_code == 401
    data = client.get("/api/v1/privacy/me", headers=headers).json()
    assert data["sections"]["ecosystem.person"][0]["email"] == "ada@planktovie.example"
    assert (
        token not in str(data) and data["sections"]["accounts.apitoken.user"][0]["name"] == "test"
    )
    refused = client.post(
        "/api/v1/privacy/me/erase", {}, content_type="application/json", headers=headers
    )
    assert refused.status_code == 400 and "confirm" in refused.json()["detail"]
    done = client.post(
        "/api/v1/privacy/me/erase",
        {"confirm": True},
        content_type="application/json",
        headers=headers,
    )
    assert done.status_code == 200 and done.json()["erased"]
    ada.refresh_from_db()
    assert ada.first_name == "Anonymous" and not ada.email
    assert client.get("/api/v1/privacy/me", headers=headers).status_code == 401  # token gone


def test_privacy_page_in_french(client):
    page = client.get(reverse("privacy:policy"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Vos droits" in page and "Confidentialité" in page
