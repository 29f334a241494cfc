import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from maillage.ecosystem.models import Affiliation, Organisation, Person
from maillage.events import services, tokens
from maillage.events.enums import EventKind, EventStatus, RegistrationSource, RegistrationStatus
from maillage.events.models import Event, Registration
from tests.events.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    RegistrationFactory,
    in_days,
)

S = RegistrationStatus
pytestmark = pytest.mark.django_db


def person_data(n: int, **extra):
    data = {
        "email": f"person{n}@example.org",
        "first_name": f"First{n}",
        "last_name": f"Last{n}",
        "organisation_name": f"Company {n}",
        "country": "FR",
    }
    data.update(extra)
    return data


class TestCreateEvent:
    def test_create_with_organisers_and_zone(self, park):
        event = services.create_event(
            title="IASP World Conference",
            kind=EventKind.CONFERENCE,
            organisers=[park],
            starts_at=in_days(10),
            ends_at=in_days(12),
            time_zone="Asia/Shanghai",
            venue_name="Beijing",
            city="Beijing",
            country="CN",
        )
        assert event.slug == "iasp-world-conference"
        assert list(event.organisers.all()) == [park]
        assert event.status == EventStatus.DRAFT

    def test_end_before_start_is_refused(self, park):
        with pytest.raises(ValidationError) as err:
            services.create_event(
                title="Backwards",
                kind=EventKind.SEMINAR,
                organisers=[park],
                starts_at=in_days(10),
                ends_at=in_days(9),
                venue_name="Hall",
            )
        assert "ends before it starts" in str(err.value)

    def test_database_refuses_end_before_start(self, park):
        with pytest.raises(IntegrityError):
            Event.objects.create(
                title="x",
                slug="x",
                kind=EventKind.SEMINAR,
                starts_at=in_days(2),
                ends_at=in_days(1),
            )

    def test_unknown_time_zone_and_missing_venue(self, park):
        with pytest.raises(ValidationError) as err:
            services.create_event(
                title="Nowhere",
                kind=EventKind.SEMINAR,
                organisers=[park],
                starts_at=in_days(1),
                ends_at=in_days(2),
                time_zone="Mars/Olympus",
            )
        assert "time_zone" in err.value.message_dict
        assert "address" in err.value.message_dict

    def test_online_needs_link(self, park):
        with pytest.raises(ValidationError) as err:
            services.create_event(
                title="Webinar",
                kind=EventKind.SEMINAR,
                organisers=[park],
                attendance_mode="online",
                starts_at=in_days(1),
                ends_at=in_days(2),
            )
        assert "online_url" in err.value.message_dict

    def test_needs_an_organiser(self):
        with pytest.raises(ValidationError):
            services.create_event(
                title="Orphan",
                kind=EventKind.SEMINAR,
                organisers=[],
                starts_at=in_days(1),
                ends_at=in_days(2),
                venue_name="x",
            )

    def test_series_editions_are_unique(self, park):
        series = services.get_or_create_series(name="IASP World Conference", organisers=[park])
        common = {
            "kind": EventKind.CONFERENCE,
            "organisers": [park],
            "venue_name": "x",
            "series": series,
        }
        services.create_event(
            title="42nd", edition_number=42, starts_at=in_days(1), ends_at=in_days(2), **common
        )
        with pytest.raises(ValidationError):
            services.create_event(
                title="42nd again",
                edition_number=42,
                starts_at=in_days(3),
                ends_at=in_days(4),
                **common,
            )
        assert services.get_or_create_series(name="IASP World Conference") == series


class TestProgramme:
    def test_item_with_speakers(self, event):
        speaker = PersonFactory()
        item = services.add_programme_item(
            event=event,
            title="How we started",
            kind="testimonial",
            starts_at=event.starts_at,
            ends_at=event.starts_at + dt.timedelta(minutes=20),
            speakers=[speaker],
        )
        assert list(item.speakers.all()) == [speaker]

    def test_item_outside_event_refused(self, event):
        with pytest.raises(ValidationError) as err:
            services.add_programme_item(
                event=event,
                title="Late",
                starts_at=event.ends_at,
                ends_at=event.ends_at + dt.timedelta(hours=1),
            )
        assert "within the event" in str(err.value)


class TestRegister:
    def test_creates_person_organisation_and_sends_mail(
        self, event, form_data, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):  # mails leave after commit
            registration = services.register(
                event=event, **form_data, listed_publicly=True, public_directory=True
            )
        assert registration.status == S.CONFIRMED
        person = registration.person
        assert person.email == "ada.martin@planktovie.example"
        # consent comes only from the person (signed in, or a link sent to the address)
        assert not person.public_consent and person.consent_at is None
        assert registration.organisation.name == "Planktovie"
        assert registration.organisation.subtype == "startup"
        assert Affiliation.objects.filter(
            person=person, organisation=registration.organisation
        ).exists()
        assert len(mail.outbox) == 1
        assert "confirmed" in mail.outbox[0].subject
        body = mail.outbox[0].body  # the personal link, never the badge code
        assert tokens.personal_link_url(registration) in body
        assert "http://127.0.0.1:8000/events/registration/link/" in body
        assert registration.token not in body

    def test_matches_existing_person_and_organisation(self, event, form_data):
        existing = PersonFactory(email="ada.martin@planktovie.example")
        org = OrganisationFactory(name="PLANKTOVIE", country="FR")
        registration = services.register(event=event, **form_data)
        assert registration.person == existing
        assert registration.organisation == org
        assert Person.objects.count() == 1

    def test_matches_organisation_by_website_domain(self, event, form_data):
        org = OrganisationFactory(
            name="DualSun SAS", website="https://www.dualsun.com", country="FR"
        )
        registration = services.register(
            event=event,
            **{**form_data, "organisation_name": "Dual Sun", "website": "dualsun.com/en"},
        )
        assert registration.organisation == org

    def test_unknown_country_refused(self, event, form_data):
        with pytest.raises(ValidationError) as err:
            services.register(event=event, **{**form_data, "country": "XX"})
        assert "ISO 3166" in str(err.value)
        assert not Registration.objects.exists()

    def test_duplicate_registration(self, event, form_data):
        services.register(event=event, **form_data)
        with pytest.raises(services.AlreadyRegistered) as err:
            services.register(
                event=event, **{**form_data, "email": "ADA.martin@planktovie.example"}
            )
        assert "already registered" in str(err.value)
        assert Registration.objects.count() == 1

    def test_database_refuses_duplicate(self, event):
        registration = RegistrationFactory(event=event)
        with pytest.raises(IntegrityError):
            RegistrationFactory(event=event, person=registration.person)

    def test_window_closed_and_not_yet_open(self, event, form_data):
        event.registration_opens_at = timezone.now() + dt.timedelta(days=1)
        event.save()
        with pytest.raises(services.RegistrationClosed, match="opens on"):
            services.register(event=event, **form_data)
        event.registration_opens_at = None
        event.registration_closes_at = timezone.now() - dt.timedelta(minutes=1)
        event.save()
        with pytest.raises(services.RegistrationClosed, match="closed on"):
            services.register(event=event, **form_data)
        # organisers may still add people after the window
        registration = services.register(event=event, **form_data, source=RegistrationSource.STAFF)
        assert registration.status == S.CONFIRMED

    def test_draft_and_cancelled_events(self, event, form_data):
        for status, words in [
            (EventStatus.DRAFT, "not published"),
            (EventStatus.CANCELLED, "cancelled"),
        ]:
            services.set_event_status(event=event, status=status)
            with pytest.raises(services.RegistrationClosed, match=words):
                services.register(event=event, **form_data)

    def test_past_event_is_closed(self, park, form_data):
        past = EventFactory(organisers=[park], starts_at=in_days(-3), ends_at=in_days(-2))
        with pytest.raises(services.RegistrationClosed):
            services.register(event=past, **form_data)

    def test_capacity_waiting_list_and_promotion(self, event, django_capture_on_commit_callbacks):
        event.capacity = 2
        event.save()
        first, second, third, fourth = (
            services.register(event=event, **person_data(n)) for n in range(4)
        )
        assert [r.status for r in (first, second, third, fourth)] == [
            S.CONFIRMED,
            S.CONFIRMED,
            S.WAITLISTED,
            S.WAITLISTED,
        ]
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):  # mails leave after commit
            services.cancel_registration(registration=second)
        third.refresh_from_db()
        fourth.refresh_from_db()
        assert third.status == S.CONFIRMED
        assert fourth.status == S.WAITLISTED
        assert event.registrations.confirmed().count() == 2
        subjects = sorted(m.subject for m in mail.outbox)
        assert any("A place is free" in s for s in subjects)
        assert any("cancelled" in s for s in subjects)

    def test_raising_capacity_promotes(self, event):
        event.capacity = 1
        event.save()
        services.register(event=event, **person_data(1))
        waiting = services.register(event=event, **person_data(2))
        assert waiting.status == S.WAITLISTED
        services.update_event(event=event, capacity=2)
        waiting.refresh_from_db()
        assert waiting.status == S.CONFIRMED

    def test_full_without_waiting_list(self, event):
        event.capacity, event.waiting_list = 1, False
        event.save()
        services.register(event=event, **person_data(1))
        with pytest.raises(services.EventFull, match="full"):
            services.register(event=event, **person_data(2))

    def test_reregister_after_cancelling(self, event, form_data):
        registration = services.register(event=event, **form_data)
        services.cancel_registration(registration=registration)
        again = services.register(event=event, **form_data)
        assert again.pk == registration.pk and again.status == S.CONFIRMED

    def test_links_account_with_same_email(self, event, form_data):
        from tests.events.factories import UserFactory

        user = UserFactory(email="ada.martin@planktovie.example")
        registration = services.register(event=event, **form_data, user=user)
        assert registration.person.user == user
        assert registration.registered_by == user


class TestApproval:
    def test_pending_then_approve_or_decline(self, event):
        event.requires_approval, event.capacity = True, 1
        event.save()
        a = services.register(event=event, **person_data(1))
        b = services.register(event=event, **person_data(2))
        assert a.status == b.status == S.PENDING
        assert services.approve_registration(registration=a).status == S.CONFIRMED
        assert services.approve_registration(registration=b).status == S.WAITLISTED
        with pytest.raises(services.EventFull, match="raise the capacity"):
            services.approve_registration(registration=b)
        services.decline_registration(registration=a)
        b.refresh_from_db()
        assert b.status == S.CONFIRMED  # the declined seat went to the waiting list
        with pytest.raises(services.StatusConflict):
            services.cancel_registration(registration=a)

    def test_move_to_waiting_list(self, event):
        registration = services.register(event=event, **person_data(1))
        assert services.waitlist_registration(registration=registration).status == S.WAITLISTED


class TestCheckIn:
    def test_idempotent(self, event, staff):
        registration = RegistrationFactory(event=event)
        first = services.check_in(registration=registration, by=staff).checked_in_at
        assert first is not None
        again = services.check_in(
            registration=registration, by=staff, now=timezone.now() + dt.timedelta(hours=1)
        )
        assert again.checked_in_at == first

    def test_waitlisted_cannot_check_in(self, event):
        registration = RegistrationFactory(event=event, status=S.WAITLISTED)
        with pytest.raises(services.StatusConflict, match="not confirmed"):
            services.check_in(registration=registration)


def test_organisation_count_stable_when_registering_colleagues(event):
    services.register(event=event, **person_data(1, organisation_name="DualSun"))
    services.register(event=event, **person_data(2, organisation_name="Dualsun"))
    assert Organisation.objects.filter(name_key="dualsun").count() == 1
