"""Consent asked by someone else waits for the person's click on a link mailed to them."""

from __future__ import annotations

import re
from html import escape

import pytest
from django.core import signing
from django.urls import reverse

from maillage.ecosystem import services as directory
from maillage.privacy import confirmation
from maillage.privacy.enums import ConsentPurpose
from maillage.privacy.models import ConsentRecord, ConsentRequest
from tests.ecosystem.factories import (
    AffiliationFactory,
    OrganisationFactory,
    ParkFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
PUBLIC = ConsentPurpose.PUBLIC_DIRECTORY


def _link(message) -> str:
    body = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(r"http://\S+/privacy/consent/\S+/", body).group(0)


def _path(url: str) -> str:
    return url.split("8000", 1)[1] if "8000" in url else url


def test_staff_request_mails_the_person_and_changes_nothing_until_they_confirm(
    client, smtp_server, run_on_commit
):
    person = PersonFactory(email="ada@planktovie.example", languages="fr,en")
    staff = UserFactory()
    with run_on_commit():
        pending = confirmation.ask_consent_change(
            person=person, purpose=PUBLIC, granted=True, requested_by=staff
        )
    person.refresh_from_db()
    assert not person.public_consent and not ConsentRecord.objects.exists()
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == "ada@planktovie.example"
    assert "annuaire public" in message["Subject"]  # in the person's language
    url = _path(_link(message))
    # Opening the link (as a mail scanner would) changes nothing: it needs the button.
    page = client.get(url)
    assert page.status_code == 200 and escape(pending.text) in page.content.decode()
    person.refresh_from_db()
    assert not person.public_consent
    client.post(url)
    person.refresh_from_db()
    record = ConsentRecord.objects.get()
    assert person.public_consent and person.consent_at == record.created_at
    assert (record.how, record.user, record.text) == ("verified_link", None, pending.text)
    # Used once: a second click changes nothing more.
    again = client.post(url)
    assert again.status_code == 200 and ConsentRecord.objects.count() == 1


def test_links_are_single_purpose_signed_and_replaced_by_newer_ones(client, settings):
    person = PersonFactory(email="bob@example.org")
    first = confirmation.ask_consent_change(person=person, purpose=PUBLIC, granted=True)
    second = confirmation.ask_consent_change(person=person, purpose=PUBLIC, granted=True)
    old_url = _path(confirmation.confirmation_url(first))
    assert client.post(old_url).status_code == 404
    # A value signed for another purpose (another salt) is not a consent link.
    forged = signing.dumps({"r": second.pk}, salt="maillage.events.badge", compress=True)
    url = reverse("privacy:consent_confirm", kwargs={"token": forged})
    response = client.post(url)
    assert response.status_code == 404 and "not valid" in response.content.decode()
    tampered = _path(confirmation.confirmation_url(second))[:-3] + "xx/"
    assert client.post(tampered).status_code == 404
    person.refresh_from_db()
    assert not person.public_consent


def test_a_link_sent_to_an_old_address_no_longer_works(client):
    person = PersonFactory(email="old@example.org")
    pending = confirmation.ask_consent_change(person=person, purpose=PUBLIC, granted=True)
    directory.update_person(person, email="new@example.org")
    response = client.post(_path(confirmation.confirmation_url(pending)))
    assert response.status_code == 404 and "no longer has" in response.content.decode()
    person.refresh_from_db()
    assert not person.public_consent


def test_nothing_to_ask_and_no_address_are_explained():
    assert (
        confirmation.ask_consent_change(person=PersonFactory(), purpose=PUBLIC, granted=False)
        is None
    )
    with pytest.raises(Exception, match="no e-mail address"):
        confirmation.ask_consent_change(
            person=PersonFactory(email=""), purpose=PUBLIC, granted=True
        )


def test_staff_ask_from_the_requests_page_and_only_for_people_they_manage(client):
    park = ParkFactory()
    person = PersonFactory(email="eve@example.org")
    AffiliationFactory(person=person, organisation=OrganisationFactory(host_park=park))
    url = reverse("privacy:staff_ask_consent", kwargs={"pk": person.pk})
    client.force_login(UserFactory(staff_of=[ParkFactory()]))
    assert client.post(url, {"granted": "1"}).status_code == 404
    staff = UserFactory(staff_of=[park])
    client.force_login(staff)
    client.post(url, {"granted": "1"})
    pending = ConsentRequest.objects.get(person=person)
    assert (pending.granted, pending.requested_by, pending.email) == (True, staff, person.email)
    person.refresh_from_db()
    assert not person.public_consent
