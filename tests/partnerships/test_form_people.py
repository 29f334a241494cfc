"""Agreement and delegation forms offer the people the API would show the same user
(``visible_people``): consenting people, plus everyone of the organisations the user manages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from maillage.partnerships import services
from maillage.partnerships.models import Delegation
from tests.ecosystem.factories import AffiliationFactory, PersonFactory


@pytest.fixture
def people(parks):
    hidden = PersonFactory(first_name="Hiddenchengdu", last_name="Private", public_consent=False)
    shown = PersonFactory(first_name="Shownchengdu", last_name="Public", public_consent=True)
    own = PersonFactory(first_name="Ownsophia", last_name="Colleague", public_consent=False)
    AffiliationFactory(person=hidden, organisation=parks["chengdu"])
    AffiliationFactory(person=shown, organisation=parks["chengdu"])
    AffiliationFactory(person=own, organisation=parks["sophia"])
    return {"hidden": hidden, "shown": shown, "own": own}


@pytest.mark.parametrize(
    "route", ["partnerships:agreement_create", "partnerships:delegation_create"]
)
def test_page_forms_offer_only_visible_people(client, sophia_staff, people, route):
    client.force_login(sophia_staff)
    page = client.get(reverse(route)).content.decode()
    assert "Shownchengdu" in page and "Ownsophia" in page  # consented / own organisation
    assert "Hiddenchengdu" not in page  # another park's person without consent


def test_contact_form_offers_only_visible_people(client, sophia_staff, people, parks):
    delegation = services.create_delegation(
        user=sophia_staff,
        title="Visit",
        direction="incoming",
        starts_on=dt.date(2026, 3, 1),
        ends_on=dt.date(2026, 3, 2),
        hosts=[parks["sophia"]],
        visitors=[parks["chengdu"]],
    )
    client.force_login(sophia_staff)
    page = client.get(delegation.get_absolute_url()).content.decode()
    assert "Shownchengdu" in page and "Hiddenchengdu" not in page
    r = client.post(
        reverse("partnerships:contact_add", args=[delegation.pk]),
        {"p-person": people["hidden"].pk},
    )
    assert not delegation.contacts.filter(person=people["hidden"]).exists()
    assert r.status_code in (200, 302)


def test_posting_a_hidden_person_is_refused(client, sophia_staff, people, parks):
    client.force_login(sophia_staff)
    data = {
        "title": "D",
        "direction": "incoming",
        "starts_on": "2026-03-01",
        "ends_on": "2026-03-02",
        "hosts": [parks["sophia"].pk],
        "visitors": [parks["chengdu"].pk],
        "members": [people["hidden"].pk],
    }
    r = client.post(reverse("partnerships:delegation_create"), data)
    assert r.status_code == 200 and not Delegation.objects.exists()
    data["members"] = [people["shown"].pk]
    r = client.post(reverse("partnerships:delegation_create"), data)
    assert r.status_code == 302
    assert list(Delegation.objects.get().members.all()) == [people["shown"]]


def test_editing_keeps_members_the_editor_cannot_see(
    client, sophia_staff, chengdu_staff, people, parks
):
    """Chengdu's staff put their private colleague on the delegation; Sophia's staff edit it
    without seeing that name, and the member stays."""
    delegation = services.create_delegation(
        user=chengdu_staff,
        title="Joint",
        direction="incoming",
        starts_on=dt.date(2026, 3, 1),
        ends_on=dt.date(2026, 3, 2),
        hosts=[parks["sophia"]],
        visitors=[parks["chengdu"]],
        members=[people["hidden"]],
    )
    client.force_login(sophia_staff)
    url = reverse("partnerships:delegation_edit", args=[delegation.pk])
    page = client.get(url)
    if page.status_code != 200:
        pytest.skip("Sophia's staff may not edit this delegation")
    assert "Hiddenchengdu" not in page.content.decode()
    r = client.post(
        url,
        {
            "title": "Joint (edited)",
            "direction": "incoming",
            "starts_on": "2026-03-01",
            "ends_on": "2026-03-02",
            "hosts": [parks["sophia"].pk],
            "visitors": [parks["chengdu"].pk],
            "members": [people["shown"].pk],
        },
    )
    assert r.status_code == 302
    assert set(Delegation.objects.get().members.all()) == {people["shown"], people["hidden"]}
