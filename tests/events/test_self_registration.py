"""Registering without being signed in as the address: nothing happens before the address is
checked by a link; an anonymous registration with a known address changes nothing and reveals
nothing; the link registers, opens the account, signs in and records consent."""

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from maillage.ecosystem.models import Affiliation, Person
from maillage.events import periodic
from maillage.events.models import PendingRegistration, Registration
from maillage.mail.models import OutgoingMail
from maillage.privacy.models import ConsentRecord
from tests.events.factories import PASSWORD, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db
CONFIRM = re.compile(r"https?://\S+/register/confirm/\S+/")


@pytest.fixture(autouse=True)
def fresh_rate_limits_and_language():
    cache.clear()
    yield
    translation.activate(settings.LANGUAGE_CODE)  # a French page must not leak into the next test


@pytest.fixture
def known(db):
    """Somebody of the directory, not in the public directory, with an account."""
    user = UserFactory(email="ada.martin@planktovie.example")
    return PersonFactory(
        first_name="Adélaïde",
        last_name="Secret-Name",
        email="ada.martin@planktovie.example",
        public_consent=False,
        user=user,
    )


def register(client, event, form_data, **extra):
    return client.post(reverse("events:register", args=[event.slug]), {**form_data, **extra})


def confirm_path(mail) -> str:
    parts = urlsplit(CONFIRM.search(mail.body).group(0))
    return parts.path


def fingerprint(person):
    person = Person.objects.get(pk=person.pk)
    return (
        person.first_name,
        person.last_name,
        person.public_consent,
        person.consent_at,
        person.phone,
        person.user_id,
        Affiliation.objects.filter(person=person).count(),
    )


def test_anonymous_registration_waits_for_the_address_check(client, event, form_data):
    response = register(client, event, form_data, public_directory="on")
    page = response.content.decode()
    assert response.status_code == 200 and "we sent a link to" in page
    assert not Registration.objects.exists() and not Person.objects.exists()
    mail = OutgoingMail.objects.get(kind="registration_check")
    assert mail.to == "ada.martin@planktovie.example"
    # opening the link shows a button; a mail scanner following the link changes nothing
    path = confirm_path(mail)
    assert "Confirm my registration" in client.get(path).content.decode()
    assert not Registration.objects.exists()
    response = client.post(path)
    registration = Registration.objects.get()
    assert response.status_code == 302 and response["Location"] == registration.get_absolute_url()
    person = registration.person
    assert person.user.email == "ada.martin@planktovie.example"
    assert client.session["_auth_user_id"] == str(person.user_id)
    assert person.public_consent  # given by the person, through the link sent to the address
    record = ConsentRecord.objects.get(person=person)
    assert record.how == "verified_link" and record.granted
    assert client.get(response["Location"]).status_code == 200
    # the link works once
    assert client.post(path).status_code == 400
    assert Registration.objects.count() == 1


def test_anonymous_registration_with_a_known_address_changes_and_reveals_nothing(
    client, event, form_data, known
):
    before = fingerprint(known)
    response = register(
        client,
        event,
        {**form_data, "first_name": "Mallory", "phone": "+33 6"},
        public_directory="on",
        listed_publicly="on",
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Adélaïde" not in page and "Secret-Name" not in page
    assert fingerprint(known) == before
    assert not Registration.objects.exists() and not ConsentRecord.objects.exists()
    # the answer is the one an unknown address gets
    other = register(client, event, {**form_data, "email": "nobody@else.example"})

    def scrub(text, email):
        return re.sub(r"[A-Za-z0-9]{64}", "CSRF", text.replace(email, "ADDRESS"))

    assert scrub(other.content.decode(), "nobody@else.example") == scrub(page, form_data["email"])
    # and only the address's owner, opening the mail, registers
    mail = OutgoingMail.objects.filter(to="ada.martin@planktovie.example").get()
    client.post(confirm_path(mail))
    registration = Registration.objects.get(person=known)
    assert registration.person.first_name == "Adélaïde"  # the stored name is kept


def test_a_signed_in_person_registering_someone_else_goes_through_the_check(
    client, event, form_data, known
):
    assert client.login(email=UserFactory().email, password=PASSWORD)
    before = fingerprint(known)
    register(client, event, form_data, public_directory="on")
    assert fingerprint(known) == before and not Registration.objects.exists()


def test_signed_in_person_registering_themselves_is_immediate(client, event, form_data, known):
    assert client.login(email=known.email, password=PASSWORD)
    response = register(client, event, form_data, public_directory="on")
    registration = Registration.objects.get()
    assert response["Location"] == registration.get_absolute_url()
    known.refresh_from_db()
    assert known.public_consent
    assert ConsentRecord.objects.get(person=known).how == "signed_in"
    assert not OutgoingMail.objects.filter(kind="registration_check").exists()


def test_a_cut_or_unknown_link_changes_nothing(client, event, form_data):
    register(client, event, form_data)
    path = confirm_path(OutgoingMail.objects.get())
    for bad in (path[:-5] + "xxxx/", reverse("events:register_confirm", args=[event.slug, "x"])):
        assert client.get(bad).status_code == 400
        assert client.post(bad).status_code == 400
    assert not Registration.objects.exists() and PendingRegistration.objects.count() == 1


def test_expired_link(client, event, form_data):
    register(client, event, form_data)
    PendingRegistration.objects.update(created_at="2020-01-01T00:00Z")
    response = client.post(confirm_path(OutgoingMail.objects.get()))
    assert response.status_code == 400 and "This link no longer works" in response.content.decode()
    assert not Registration.objects.exists()
    # the periodic job forgets it; running it again finds nothing
    assert periodic.drop_unconfirmed_registrations.call() == 1
    assert periodic.drop_unconfirmed_registrations.call() == 0


def test_registration_checks_are_rate_limited(client, event, form_data):
    for _n in range(3):
        assert register(client, event, form_data).status_code == 200
    assert register(client, event, form_data).status_code == 429
    assert OutgoingMail.objects.count() == 3


def test_french(client, event, form_data):
    client.cookies["django_language"] = "fr"
    page = register(client, event, form_data).content.decode()
    assert "Dernière étape" in page
    assert OutgoingMail.objects.get().subject.startswith("Confirmez votre inscription")
