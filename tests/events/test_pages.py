import datetime as dt
import io

import icalendar
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from maillage.events.enums import EventKind, EventStatus, RegistrationStatus
from maillage.events.models import Event, Registration
from tests.events.factories import (
    PASSWORD,
    EventFactory,
    ParkFactory,
    PersonFactory,
    RegistrationFactory,
    UserFactory,
    in_days,
)

pytestmark = pytest.mark.django_db
S = RegistrationStatus


def login(client, user):
    assert client.login(email=user.email, password=PASSWORD)


class TestCalendar:
    def test_list_filters_and_hides_private_and_drafts(self, client, event, park):
        EventFactory(title="Secret board", is_public=False, organisers=[park])
        EventFactory(title="Unfinished", status=EventStatus.DRAFT, organisers=[park])
        EventFactory(
            title="Old lunch", starts_at=in_days(-10), ends_at=in_days(-10) + dt.timedelta(hours=2)
        )
        EventFactory(title="Convention", kind=EventKind.BUSINESS_CONVENTION)
        page = client.get(reverse("events:calendar")).content.decode()
        assert "Lunch 12/14" in page and "Convention" in page
        assert "Secret board" not in page and "Unfinished" not in page and "Old lunch" not in page
        past = client.get(reverse("events:calendar"), {"when": "past"}).content.decode()
        assert "Old lunch" in past and "Lunch 12/14" not in past
        kind = client.get(
            reverse("events:calendar"), {"kind": "business_convention"}
        ).content.decode()
        assert "Convention" in kind and "Lunch 12/14" not in kind
        org = client.get(reverse("events:calendar"), {"organiser": park.slug}).content.decode()
        assert "Lunch 12/14" in org and "Convention" not in org

    def test_list_queries_do_not_grow(self, client, django_assert_max_num_queries):
        for _ in range(15):
            EventFactory()
        with django_assert_max_num_queries(8):
            response = client.get(reverse("events:calendar"))
        assert response.status_code == 200

    def test_month_view_in_event_zone(self, client, park):
        # 23:30 in Tokyo on the 1st is still the 1st there, though the 1st 14:30 UTC
        start = dt.datetime(2031, 3, 1, 14, 30, tzinfo=dt.UTC)
        EventFactory(
            title="Tokyo evening",
            time_zone="Asia/Tokyo",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
        )
        page = client.get(reverse("events:month", args=[2031, 3])).content.decode()
        assert "23:30 Tokyo evening" in page
        assert client.get(reverse("events:month", args=[2031, 13])).status_code == 404

    def test_ics_feed_has_stable_uids(self, client, event, park):
        EventFactory(title="Secret", is_public=False, organisers=[park])
        first = icalendar.Calendar.from_ical(client.get(reverse("events:feed")).content)
        events = [c for c in first.walk("VEVENT")]
        assert [str(e["summary"]) for e in events] == ["Lunch 12/14"]
        event.title = "Lunch 12/14 (renamed)"
        event.save()
        second = icalendar.Calendar.from_ical(client.get(reverse("events:feed")).content)
        assert [str(e["uid"]) for e in second.walk("VEVENT")] == [str(events[0]["uid"])]
        assert str(events[0]["dtstart"].dt.tzinfo) == "Europe/Paris"


class TestEventPage:
    def test_detail_shows_programme_in_event_zone(self, client, park):
        start = dt.datetime(2030, 7, 8, 10, 0, tzinfo=dt.UTC)  # 12:00 in Marseille (summer time)
        event = EventFactory(
            title="12/14", starts_at=start, ends_at=start + dt.timedelta(hours=2), organisers=[park]
        )
        speaker = PersonFactory(first_name="Léa", last_name="Durand")
        item = event.programme.create(
            title="From lab to market",
            kind="testimonial",
            starts_at=start,
            ends_at=start + dt.timedelta(minutes=20),
        )
        item.speakers.add(speaker)
        page = client.get(event.get_absolute_url()).content.decode()
        assert "12:00" in page and "From lab to market" in page and "Léa Durand" in page
        assert "venue-map" in page

    def test_the_attendance_mode_decides_venue_and_online_badge(self, client, park):
        from maillage.events.enums import AttendanceMode

        on_site = EventFactory(organisers=[park], venue_name="Hangar 14")
        online = EventFactory(
            organisers=[park], venue_name="Hangar 15", attendance_mode=AttendanceMode.ONLINE
        )
        here = client.get(on_site.get_absolute_url()).content.decode()
        there = client.get(online.get_absolute_url()).content.decode()
        where = '<dd class="col-sm-9">Hangar'
        assert where + " 14" in here and 'text-bg-info">Online' not in here
        assert where not in there and 'text-bg-info">Online' in there

    def test_private_event_is_404_for_others(self, client, park):
        event = EventFactory(is_public=False, organisers=[park])
        assert client.get(event.get_absolute_url()).status_code == 404
        assert client.get(reverse("events:register", args=[event.slug])).status_code == 404
        login(client, UserFactory())
        assert client.get(event.get_absolute_url()).status_code == 404
        client.logout()
        login(client, UserFactory(staff_of=[park]))
        assert client.get(event.get_absolute_url()).status_code == 200

    def test_private_event_visible_to_registrant(self, client, park):
        event = EventFactory(is_public=False, organisers=[park])
        user = UserFactory()
        RegistrationFactory(event=event, person=PersonFactory(user=user, email=user.email))
        login(client, user)
        assert client.get(event.get_absolute_url()).status_code == 200


class TestRegistrationForm:
    """Signed in with the address typed: registering is immediate (the anonymous path, which
    waits for the address check, is in test_self_registration.py)."""

    @pytest.fixture(autouse=True)
    def signed_in_as_ada(self, client, form_data):
        login(client, UserFactory(email=form_data["email"].lower()))

    def test_register_and_see_confirmation(
        self, client, event, form_data, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):  # mails leave after commit
            response = client.post(
                reverse("events:register", args=[event.slug]),
                {**form_data, "listed_publicly": "on"},
            )
        registration = Registration.objects.get()
        assert (
            response.status_code == 302 and response["Location"] == registration.get_absolute_url()
        )
        page = client.get(response["Location"]).content.decode()
        assert "your registration is confirmed" in page
        assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ada.martin@planktovie.example"]
        assert registration.listed_publicly
        assert "Ada Martin" in client.get(event.get_absolute_url()).content.decode()

    def test_duplicate_shows_message(self, client, event, form_data):
        client.post(reverse("events:register", args=[event.slug]), form_data)
        response = client.post(reverse("events:register", args=[event.slug]), form_data)
        assert response.status_code == 200
        assert "already registered" in response.content.decode()

    def test_bad_input_is_explained(self, client, event):
        response = client.post(
            reverse("events:register", args=[event.slug]), {"email": "not-an-email"}
        )
        page = response.content.decode()
        assert response.status_code == 200 and "valid email" in page.lower()
        assert not Registration.objects.exists()

    def test_closed_registration(self, client, event, form_data):
        event.registration_closes_at = timezone.now() - dt.timedelta(hours=1)
        event.save()
        response = client.post(reverse("events:register", args=[event.slug]), form_data)
        assert "Registration closed on" in response.content.decode()
        assert not Registration.objects.exists()

    def test_full_event_puts_on_waiting_list_then_cancel_promotes(self, client, event, form_data):
        event.capacity = 1
        event.save()
        first = RegistrationFactory(event=event)
        client.post(reverse("events:register", args=[event.slug]), form_data)
        waiting = Registration.objects.get(person__email="ada.martin@planktovie.example")
        assert waiting.status == S.WAITLISTED
        assert "waiting list" in client.get(waiting.get_absolute_url()).content.decode()
        assert client.post(f"/events/registration/{first.token}/cancel/").status_code == 404
        owner = UserFactory()
        first.person.user = owner
        first.person.save()
        login(client, owner)  # only the registrant cancels, never the badge code
        client.post(reverse("events:cancel_own", args=[first.pk]))
        waiting.refresh_from_db()
        assert waiting.status == S.CONFIRMED


class TestOrganiserPages:
    def test_anonymous_and_outsiders_are_refused(self, client, event):
        url = reverse("events:registrations", args=[event.slug])
        assert client.get(url).status_code == 302  # to sign in
        login(client, UserFactory(staff_of=[ParkFactory()]))
        assert client.get(url).status_code == 403
        assert client.get(reverse("events:edit", args=[event.slug])).status_code == 403
        assert (
            client.post(
                reverse("events:set_status", args=[event.slug]), {"status": "cancelled"}
            ).status_code
            == 403
        )

    def test_create_edit_publish(self, client, staff, park):
        login(client, staff)
        data = {
            "title": "Axe Seine business convention",
            "kind": "business_convention",
            "is_public": "on",
            "organisers": [park.pk],
            "attendance_mode": "in_person",
            "venue_name": "Aéropole",
            "city": "Cergy",
            "country": "FR",
            "time_zone": "Europe/Paris",
            "starts_at": "2031-03-12T09:00",
            "ends_at": "2031-03-12T17:30",
            "capacity": "80",
            "waiting_list": "on",
        }
        response = client.post(reverse("events:create"), data)
        assert response.status_code == 302, response.content.decode()[:3000]
        event = Event.objects.get()
        assert event.status == EventStatus.DRAFT
        assert timezone.localtime(event.starts_at, event.zone).hour == 9
        assert event.starts_at == dt.datetime(2031, 3, 12, 8, 0, tzinfo=dt.UTC)
        data["ends_at"] = "2031-03-12T08:00"
        response = client.post(reverse("events:edit", args=[event.slug]), data)
        assert "ends before it starts" in response.content.decode()
        client.post(reverse("events:set_status", args=[event.slug]), {"status": "published"})
        event.refresh_from_db()
        assert event.status == EventStatus.PUBLISHED

    def test_cannot_create_for_someone_else_only(self, client, staff):
        other = ParkFactory()
        login(client, staff)
        response = client.post(
            reverse("events:create"),
            {
                "title": "Hijack",
                "kind": "seminar",
                "organisers": [other.pk],
                "attendance_mode": "in_person",
                "venue_name": "x",
                "time_zone": "Europe/Paris",
                "starts_at": "2031-03-12T09:00",
                "ends_at": "2031-03-12T10:00",
            },
        )
        assert "your own organisations" in response.content.decode()
        assert not Event.objects.exists()

    def test_programme_item(self, client, staff, event):
        login(client, staff)
        local = timezone.localtime(event.starts_at, event.zone)
        response = client.post(
            reverse("events:programme_add", args=[event.slug]),
            {
                "kind": "talk",
                "title": "Welcome",
                "starts_at": local.strftime("%Y-%m-%dT%H:%M"),
                "ends_at": (local + dt.timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M"),
            },
        )
        assert response.status_code == 302
        assert event.programme.get().starts_at == event.starts_at

    def test_registrations_list_and_actions(
        self, client, staff, event, django_assert_max_num_queries
    ):
        event.requires_approval = True
        event.save()
        for _ in range(12):
            RegistrationFactory(event=event, status=S.PENDING)
        login(client, staff)
        # constant, not per row: + the count of registrants awaiting an invitation, + the
        # session saved on each request (its expiry renewed)
        with django_assert_max_num_queries(14):
            page = client.get(reverse("events:registrations", args=[event.slug]))
        assert page.status_code == 200
        registration = Registration.objects.first()
        response = client.post(
            reverse("events:registration_action", args=[event.slug, registration.pk, "approve"]),
            HTTP_HX_REQUEST="true",
        )
        assert response.status_code == 200 and "Confirmed" in response.content.decode()
        registration.refresh_from_db()
        assert registration.status == S.CONFIRMED

    def test_exports(self, client, staff, event):
        RegistrationFactory(event=event, person=PersonFactory(last_name="Éluard"))
        login(client, staff)
        csv_body = client.get(reverse("events:export", args=[event.slug, "csv"])).content.decode(
            "utf-8-sig"
        )
        assert "Éluard" in csv_body.splitlines()[1]
        xlsx = client.get(reverse("events:export", args=[event.slug, "xlsx"])).content
        sheet = load_workbook(io.BytesIO(xlsx)).active
        assert sheet["A2"].value == "Éluard"
        assert client.get(reverse("events:export", args=[event.slug, "pdf"])).status_code == 404

    def test_badges_pdf_made_on_a_worker(self, client, staff, event, run_job):
        for _ in range(5):
            RegistrationFactory(event=event)
        login(client, staff)
        url = reverse("events:badges", args=[event.slug])
        assert client.get(url).status_code == 405  # a PDF is asked for with a POST
        for layout in ("a6", "a4"):
            page = run_job(url, {"layout": layout})
            assert 'id="job-download"' in page.content.decode()
            download = client.get(reverse("core:job_file", args=[page.context["job"].pk]))
            assert download["Content-Type"] == "application/pdf"
            assert f"{event.slug}-badges-{layout}.pdf" in download["Content-Disposition"]
            assert b"".join(download.streaming_content).startswith(b"%PDF")

    def test_check_in_by_search_and_code(self, client, staff, event):
        registration = RegistrationFactory(
            event=event, person=PersonFactory(first_name="Zoé", last_name="Moreau")
        )
        login(client, staff)
        results = client.get(
            reverse("events:check_in", args=[event.slug]), {"q": "zoe mor"}, HTTP_HX_REQUEST="true"
        )
        assert "Zoé Moreau" in results.content.decode()
        url = reverse("events:check_in_mark", args=[event.slug])
        first = client.post(url, {"token": registration.token}, HTTP_HX_REQUEST="true")
        assert "Checked in at" in first.content.decode()
        registration.refresh_from_db()
        stamp = registration.checked_in_at
        client.post(url, {"token": registration.token})
        registration.refresh_from_db()
        assert registration.checked_in_at == stamp
        unknown = client.post(url, {"token": "nope"}, HTTP_HX_REQUEST="true")
        assert "No registration to this event has the code" in unknown.content.decode()


class TestImport:
    def _xlsx(self, rows):
        workbook = Workbook()
        for row in rows:
            workbook.active.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        buffer.seek(0)
        buffer.name = "registrants.xlsx"
        return buffer

    def test_excel_import(self, client, staff, event, run_job):
        login(client, staff)
        upload = self._xlsx(
            [
                ["E-mail", "Prénom", "Nom", "Organisation", "Pays", "Type"],
                ["a@x.example", "Anne", "Arnaud", "Alpha", "FR", "startup"],
                ["b@x.example", "Bruno", "Blanc", "Beta", "France", "Large group"],
            ]
        )
        page = run_job(reverse("events:import", args=[event.slug]), {"file": upload})
        assert "2 registrants imported." in page.content.decode()
        assert event.registrations.count() == 2
        assert (
            event.registrations.get(person__email="b@x.example").participation_type == "large_group"
        )

    def test_bad_rows_reported_and_nothing_imported(self, client, staff, event, run_job):
        RegistrationFactory(event=event, person=PersonFactory(email="dup@x.example"))
        login(client, staff)
        csv_file = io.BytesIO(
            b"email;first_name;last_name;organisation;country\n"
            b"ok@x.example;Olga;Ok;Org;FR\n"
            b"bad-mail;Bob;Bad;Org;FR\n"
            b"c@x.example;;Cee;Org;Atlantis\n"
            b"dup@x.example;Dan;Dup;Org;FR\n"
        )
        csv_file.name = "registrants.csv"
        response = run_job(reverse("events:import", args=[event.slug]), {"file": csv_file})
        page = response.content.decode()
        assert response.context["job"].state == "failed" and 'id="job-refused"' in page
        assert not response.context["job"].upload  # the spreadsheet is not kept
        assert "Row 3" in page and "not a valid e-mail" in page
        assert "Row 4" in page and "first_name is empty" in page and "Atlantis" in page
        assert event.registrations.count() == 1  # nothing imported

    def test_duplicate_in_database_rolls_back_everything(self, staff, event):
        from maillage.events import services
        from maillage.events.registrant_import import ImportRejected

        RegistrationFactory(event=event, person=PersonFactory(email="dup@x.example"))
        content = b"email,first_name,last_name\nnew@x.example,New,Person\ndup@x.example,Dan,Dup\n"
        with pytest.raises(ImportRejected) as err:
            services.import_registrants(event=event, content=content, filename="r.csv", by=staff)
        assert "Row 3" in str(err.value.errors[0]) and "already registered" in str(
            err.value.errors[0]
        )
        assert event.registrations.count() == 1
        assert not Registration.objects.filter(person__email="new@x.example").exists()

    def test_missing_columns(self, staff, event):
        from maillage.events import services
        from maillage.events.registrant_import import ImportRejected

        with pytest.raises(ImportRejected, match="Missing column"):
            services.import_registrants(
                event=event, content=b"name\nx\n", filename="r.csv", by=staff
            )


def test_pages_speak_french(client, event, form_data, django_capture_on_commit_callbacks):
    login(client, UserFactory(email=form_data["email"].lower()))
    client.cookies["django_language"] = "fr"
    page = client.get(reverse("events:calendar")).content.decode()
    assert "Événements" in page and "À venir" in page
    with django_capture_on_commit_callbacks(execute=True):  # mails leave after commit
        client.post(reverse("events:register", args=[event.slug]), form_data)
    response = client.post(reverse("events:register", args=[event.slug]), form_data)
    assert "est déjà inscrit à cet événement" in response.content.decode()
    assert mail.outbox[0].subject.startswith("Votre inscription est confirmée")


def test_create_event_starting_a_series(client, staff, park):
    login(client, staff)
    data = {
        "title": "12/14 #1",
        "kind": "networking_lunch",
        "is_public": "on",
        "organisers": [park.pk],
        "attendance_mode": "in_person",
        "venue_name": "Hall",
        "time_zone": "Europe/Paris",
        "starts_at": "2031-03-11T12:00",
        "ends_at": "2031-03-11T14:00",
        "new_series": "12/14",
        "edition_number": "1",
    }
    assert client.post(reverse("events:create"), data).status_code == 302
    event = Event.objects.get()
    assert event.series.name == "12/14" and event.edition_number == 1
    assert list(event.series.organisers.all()) == [park]


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("people.pdf", b"%PDF-1.4", ".csv or .xlsx"),
        ("people.xlsx", b"not a workbook", "Excel workbook"),
        ("people.csv", b"", "empty"),
    ],
)
def test_unreadable_files_are_explained(staff, event, name, content, words):
    from maillage.events import services
    from maillage.events.registrant_import import ImportRejected

    with pytest.raises(ImportRejected) as err:
        services.import_registrants(event=event, content=content, filename=name, by=staff)
    assert words in str(err.value.errors[0])
