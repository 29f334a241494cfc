"""The API does what the registrations pages do: export (CSV, Excel), the all-or-nothing import
of registrants, badges made on a worker and fetched as a job, the check-in search, and the
registrant replacing their personal link."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from maillage.accounts.models import ApiToken
from maillage.core.models import Job, JobState
from maillage.events.models import RegistrationKey
from maillage.events.tokens import Purpose, key_of
from maillage.mail.models import OutgoingMail
from tests.events.factories import (
    EventFactory,
    ParkFactory,
    PersonFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def bearer(user):
    _, token = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.fixture
def stranger():
    return UserFactory(staff_of=[ParkFactory(name="Other park")])


@pytest.fixture
def registrant(event):
    return RegistrationFactory(
        event=event, person=PersonFactory(first_name="Paul", last_name="Éluard")
    )


# ---- export ------------------------------------------------------------------------------------


def test_export_csv_and_excel(client, event, staff, registrant):
    url = f"/api/v1/events/{event.slug}/registrations/export"
    csv = client.get(url, **bearer(staff))
    assert csv.status_code == 200 and csv["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="{event.slug}-registrations-' in csv["Content-Disposition"]
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Last name") and "Éluard" in lines[1]
    xlsx = client.get(url, {"format": "xlsx"}, **bearer(staff))
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxml")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["A2"].value == "Éluard"
    assert client.get(url, {"format": "pdf"}, **bearer(staff)).status_code == 422


def test_export_is_for_the_organisers_only(client, event, stranger, registrant):
    url = f"/api/v1/events/{event.slug}/registrations/export"
    assert client.get(url, **bearer(stranger)).status_code == 403
    own = UserFactory()
    registrant.person.user = own
    registrant.person.save()
    assert client.get(url, **bearer(own)).status_code == 403
    assert client.get(url).status_code in (403, 404)


# ---- import ------------------------------------------------------------------------------------


def upload(body: bytes, name="registrants.csv"):
    return {"file": SimpleUploadedFile(name, body, content_type="text/csv")}


def test_import_registers_every_row(client, event, staff):
    body = (
        b"email;first_name;last_name;organisation;country;participation_type\n"
        b"ada@x.example;Ada;Martin;Planktovie;FR;startup\n"
        b"bo@x.example;Bo;Chen;Mecachrome;France;large group\n"
    )
    response = client.post(
        f"/api/v1/events/{event.slug}/registrations/import", upload(body), **bearer(staff)
    )
    assert response.status_code == 201, response.content
    assert response.json()["created"] == 2
    assert sorted(r["email"] for r in response.json()["registrations"]) == [
        "ada@x.example",
        "bo@x.example",
    ]
    assert event.registrations.get(person__email="bo@x.example").participation_type == (
        "large_group"
    )


def test_import_with_bad_rows_is_422_listing_each_and_imports_nothing(client, event, staff):
    RegistrationFactory(event=event, person=PersonFactory(email="dup@x.example"))
    body = (
        b"email;first_name;last_name;organisation;country\n"
        b"ok@x.example;Olga;Ok;Org;FR\n"
        b"bad-mail;Bob;Bad;Org;FR\n"
        b"c@x.example;;Cee;Org;Atlantis\n"
    )
    response = client.post(
        f"/api/v1/events/{event.slug}/registrations/import", upload(body), **bearer(staff)
    )
    assert response.status_code == 422
    messages = [e["msg"] for e in response.json()["errors"]]
    assert len(messages) == 2
    assert messages[0].startswith("Row 3") and "not a valid e-mail" in messages[0]
    assert messages[1].startswith("Row 4") and "Atlantis" in messages[1]
    assert event.registrations.count() == 1  # all or nothing


def test_import_already_registered_is_a_row_error(client, event, staff):
    RegistrationFactory(event=event, person=PersonFactory(email="dup@x.example"))
    body = b"email,first_name,last_name\nnew@x.example,New,One\ndup@x.example,Dan,Dup\n"
    response = client.post(
        f"/api/v1/events/{event.slug}/registrations/import", upload(body), **bearer(staff)
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["msg"].startswith("Row 3")
    assert event.registrations.count() == 1


def test_import_refused_to_others_and_without_a_file(client, event, staff, stranger):
    url = f"/api/v1/events/{event.slug}/registrations/import"
    body = b"email,first_name,last_name\nnew@x.example,New,One\n"
    assert client.post(url, upload(body)).status_code == 401
    assert client.post(url, upload(body), **bearer(stranger)).status_code == 403
    assert client.post(url, {}, **bearer(staff)).status_code == 422
    wrong = client.post(url, upload(b"%PDF-1.4", name="people.pdf"), **bearer(staff))
    assert wrong.status_code == 422 and ".csv or .xlsx" in wrong.json()["detail"]
    assert not event.registrations.exists()


# ---- badges and jobs ---------------------------------------------------------------------------


def test_badges_are_a_job_the_starter_polls_and_downloads(
    client, event, staff, stranger, registrant, django_capture_on_commit_callbacks
):
    url = f"/api/v1/events/{event.slug}/badges"
    with django_capture_on_commit_callbacks(execute=True):  # the test worker runs the job
        started = client.post(
            url, json.dumps({"layout": "a4"}), content_type="application/json", **bearer(staff)
        )
    assert started.status_code == 202, started.content
    job_url = f"/api/v1/jobs/{started.json()['id']}"
    job = client.get(job_url, **bearer(staff)).json()
    assert job["state"] == "done" and job["finished"] and job["summary"]["count"] == 1
    assert job["file"] == job_url + "/file"
    pdf = client.get(job["file"], **bearer(staff))
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert f"{event.slug}-badges-a4.pdf" in pdf["Content-Disposition"]
    # nobody else sees the job: the same answer as an unknown one
    unknown = client.get("/api/v1/jobs/00000000-0000-0000-0000-000000000000", **bearer(stranger))
    assert client.get(job_url, **bearer(stranger)).json() == unknown.json()
    assert unknown.status_code == 404
    assert client.get(job["file"], **bearer(stranger)).status_code == 404
    assert client.get(job_url).status_code == 404


def test_badges_refused_to_others_and_bad_layout(client, event, staff, stranger):
    url = f"/api/v1/events/{event.slug}/badges"
    payload = json.dumps({"layout": "a6"})
    assert client.post(url, payload, content_type="application/json").status_code == 401
    refused = client.post(url, payload, content_type="application/json", **bearer(stranger))
    assert refused.status_code == 403
    bad = client.post(
        url, json.dumps({"layout": "poster"}), content_type="application/json", **bearer(staff)
    )
    assert bad.status_code == 422
    assert not Job.objects.exists()


def test_a_job_still_running_or_without_file(client, staff):
    running = Job.objects.create(
        kind="maillage.events.jobs.badges_pdf", owner=staff, state=JobState.RUNNING
    )
    body = client.get(f"/api/v1/jobs/{running.pk}", **bearer(staff)).json()
    assert body["state"] == "running" and not body["finished"] and body["file"] is None
    assert client.get(f"/api/v1/jobs/{running.pk}/file", **bearer(staff)).status_code == 409
    refused = Job.objects.create(
        kind="maillage.events.jobs.import_registrants",
        owner=staff,
        state=JobState.FAILED,
        result={"errors": ["Row 2: bad"]},
    )
    body = client.get(f"/api/v1/jobs/{refused.pk}", **bearer(staff)).json()
    assert body["summary"]["errors"] == ["Row 2: bad"] and body["title"] == "Import of registrants"
    assert client.get(f"/api/v1/jobs/{refused.pk}/file", **bearer(staff)).status_code == 404


# ---- check-in search ---------------------------------------------------------------------------


def test_check_in_search_by_name_and_code(client, event, staff, stranger, registrant):
    RegistrationFactory(event=event, person=PersonFactory(first_name="Zoé", last_name="Autre"))
    url = f"/api/v1/events/{event.slug}/check-in"
    found = client.get(url, {"q": "eluard"}, **bearer(staff)).json()
    assert [r["id"] for r in found["results"]] == [registrant.pk]
    assert found["counts"]["confirmed"] == 2 and found["counts"]["checked_in"] == 0
    by_code = client.get(url, {"q": registrant.token}, **bearer(staff)).json()
    assert [r["id"] for r in by_code["results"]] == [registrant.pk]
    assert client.get(url, {"q": "x" * 201}, **bearer(staff)).status_code == 422
    assert client.get(url, {"q": "eluard"}, **bearer(stranger)).status_code == 403
    other_event = EventFactory(organisers=[ParkFactory()], is_public=False)
    hidden = client.get(f"/api/v1/events/{other_event.slug}/check-in", **bearer(staff))
    assert hidden.status_code == 404


# ---- the registrant's personal link ------------------------------------------------------------


def test_registrant_replaces_their_personal_link(client, event, staff, registrant):
    user = UserFactory(email=registrant.person.email)
    registrant.person.user = user
    registrant.person.save()
    old = key_of(registrant, Purpose.PAGE)
    url = f"/api/v1/registrations/{registrant.pk}/new-link"
    response = client.post(url, **bearer(user))
    assert response.status_code == 202 and registrant.person.email in response.json()["message"]
    new = RegistrationKey.objects.get(registration=registrant, purpose=Purpose.PAGE).key
    assert new != old and new not in response.content.decode()
    mail = OutgoingMail.objects.get(kind="personal_link")
    assert mail.to == registrant.person.email and new in mail.body


def test_only_the_registrant_replaces_their_link(client, event, staff, stranger, registrant):
    old = key_of(registrant, Purpose.PAGE)
    url = f"/api/v1/registrations/{registrant.pk}/new-link"
    assert client.post(url).status_code == 401
    assert client.post(url, **bearer(staff)).status_code == 403  # sees it, may not
    assert client.post(url, **bearer(stranger)).status_code == 404
    assert client.post(url, **bearer(UserFactory())).status_code == 404
    assert RegistrationKey.objects.get(registration=registrant, purpose=Purpose.PAGE).key == old
    assert not OutgoingMail.objects.filter(kind="personal_link").exists()
