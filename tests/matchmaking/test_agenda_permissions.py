"""Only the participant themself or the event's staff see an agenda, through every door."""

from __future__ import annotations

import pytest
from django.urls import reverse

from maillage.matchmaking.scheduling import release
from tests.events.factories import PASSWORD, UserFactory
from tests.matchmaking.published import make_session, meet

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = make_session(people=3)
    meet(world, 0, 1, slot=0)
    release.publish(session=world.session)
    return world


def urls(world, participant):
    s = world.session.pk
    return [
        reverse("matchmaking:participant_agenda", args=[s, participant.pk]),
        reverse("matchmaking:participant_agenda_file", args=[s, participant.pk, "ics"]),
    ]


def pdf_urls(world, participant):  # POST: each starts a job that makes the PDF
    return [reverse("matchmaking:participant_agenda_pdf", args=[world.session.pk, participant.pk])]


def staff_pdf_urls(world):
    s = world.session.pk
    return [
        reverse("matchmaking:agendas_pdf", args=[s]),
        reverse("matchmaking:table_plan_pdf", args=[s]),
    ]


def login(client, user):
    client.login(email=user.email, password=PASSWORD)


def test_anonymous_is_sent_to_sign_in(client, world):
    for url in urls(world, world.participants[0]) + [
        reverse("matchmaking:my_agenda", args=[world.session.pk]),
        reverse("matchmaking:agendas_pdf", args=[world.session.pk]),
        reverse("matchmaking:table_plan", args=[world.session.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    for url in pdf_urls(world, world.participants[0]) + staff_pdf_urls(world):
        response = client.post(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_another_participant_cannot_read_my_agenda(client, world):
    me, other = world.participants[0], world.participants[2]
    login(client, other.registration.person.user)
    for url in urls(world, me):
        assert client.get(url).status_code == 403, url
    assert client.get(reverse("matchmaking:table_plan", args=[world.session.pk])).status_code == 403
    for url in pdf_urls(world, me) + staff_pdf_urls(world):
        assert client.post(url).status_code == 403, url
    # their own agenda is fine, and shows their own (empty) day, not mine
    own = client.get(reverse("matchmaking:my_agenda", args=[world.session.pk]))
    assert own.status_code == 200 and "First1 Last1" not in own.text


def test_the_participant_and_the_staff_can(client, world):
    me = world.participants[0]
    login(client, me.registration.person.user)
    for url in urls(world, me):
        assert client.get(url).status_code == 200, url
    for url in pdf_urls(world, me):
        assert client.post(url).status_code == 302, url
    organiser = UserFactory(staff_of=[world.event.organisers.first()])
    login(client, organiser)
    for url in urls(world, me):
        assert client.get(url).status_code == 200, url
    for url in pdf_urls(world, me) + staff_pdf_urls(world):
        response = client.post(url)
        assert response.status_code == 302 and response["Location"].startswith("/jobs/"), url


def test_staff_of_another_park_and_a_participant_of_another_session_cannot(client, world):
    outsider = UserFactory(staff_of=[make_session(people=1).event.organisers.first()])
    login(client, outsider)
    for url in urls(world, world.participants[0]):
        assert client.get(url).status_code == 403, url
    assert client.get(reverse("matchmaking:my_agenda", args=[world.session.pk])).status_code == 404


def test_wrong_session_or_format_or_token_is_not_found(client, world):
    me = world.participants[0]
    login(client, me.registration.person.user)
    other_session = make_session(people=1).session
    wrong = reverse("matchmaking:participant_agenda", args=[other_session.pk, me.pk])
    assert client.get(wrong).status_code == 404
    bad = reverse("matchmaking:participant_agenda_file", args=[world.session.pk, me.pk, "docx"])
    assert client.get(bad).status_code == 404
    assert client.get(reverse("matchmaking:agenda_feed", args=["not-a-token"])).status_code == 404
