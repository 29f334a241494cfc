"""Pages: organisers of the event only for the scheduling pages; participants only their own."""

from __future__ import annotations

import pytest
from django.urls import reverse

from maillage.matchmaking.enums import WishLevel
from maillage.matchmaking.models import Wish
from maillage.matchmaking.services import editing, requests
from maillage.matchmaking.services.sessions import ensure_draft
from tests.ecosystem.factories import PASSWORD
from tests.events.factories import ParkFactory, UserFactory

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(email=user.email, password=PASSWORD)


def organiser_urls(session, meeting=None):
    urls = [
        reverse("matchmaking:sessions", args=[session.event.slug]),
        reverse("matchmaking:setup", args=[session.pk]),
        reverse("matchmaking:participants", args=[session.pk]),
        reverse("matchmaking:schedule", args=[session.pk]),
        reverse("matchmaking:versions", args=[session.pk]),
        reverse("matchmaking:day", args=[session.pk]),
    ]
    if meeting is not None:
        urls.append(reverse("matchmaking:meeting_edit", args=[session.pk, meeting.pk]))
    return urls


def test_other_staff_and_participants_get_403_on_organiser_pages(client, session, people):
    meeting = editing.add_meeting(
        schedule=ensure_draft(session),
        people=people[:2],
        slot=session.slots.first(),
        table=session.tables.first(),
    )
    for user in (UserFactory(staff_of=[ParkFactory()]), people[0].registration.person.user):
        client.logout()
        login(client, user)
        for url in organiser_urls(session, meeting):
            assert client.get(url).status_code == 403, url
        assert (
            client.post(
                reverse("matchmaking:run_start", args=[session.pk]), {"time_limit": 5}
            ).status_code
            == 403
        )
        assert (
            client.post(reverse("matchmaking:schedule_publish", args=[session.pk])).status_code
            == 403
        )
        assert (
            client.post(
                reverse("matchmaking:meeting_edit", args=[session.pk, meeting.pk]),
                {"action": "remove"},
            ).status_code
            == 403
        )
    assert ensure_draft(session).meetings.count() == 1


def test_anonymous_is_sent_to_sign_in(client, session):
    for url in organiser_urls(session) + [reverse("matchmaking:wishes", args=[session.pk])]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/" in response["Location"]


def test_organiser_pages_render(client, session, people, organiser, django_assert_max_num_queries):
    editing.add_meeting(
        schedule=ensure_draft(session),
        people=people[:2],
        slot=session.slots.first(),
        table=session.tables.first(),
    )
    login(client, organiser)
    for url in organiser_urls(session):
        assert client.get(url).status_code == 200, url
    with django_assert_max_num_queries(25):  # the participants list does not grow with the rows
        client.get(reverse("matchmaking:participants", args=[session.pk]))


def test_participant_list_query_count_is_flat(
    client, convention, organiser, django_assert_num_queries
):
    from tests.matchmaking.conftest import make_session

    login(client, organiser)
    small = make_session(convention, people=3)
    url = reverse("matchmaking:participants", args=[small.pk])
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    big = make_session(convention, people=12)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(reverse("matchmaking:participants", args=[big.pk]))


def test_a_participant_cannot_answer_someone_elses_request(client, session, people):
    a, b, c, *_ = people
    r = requests.send_request(sender=a, recipient=b)
    login(client, c.registration.person.user)
    assert (
        client.post(reverse("matchmaking:request_answer", args=[r.pk, "accept"])).status_code == 404
    )
    login(client, a.registration.person.user)
    client.post(reverse("matchmaking:request_answer", args=[r.pk, "accept"]))
    r.refresh_from_db()
    assert r.status == "pending"  # the sender cannot accept their own request


def test_non_participants_do_not_see_the_wish_list(client, session):
    login(client, UserFactory())
    assert client.get(reverse("matchmaking:wishes", args=[session.pk])).status_code == 404
    assert client.get(reverse("matchmaking:requests", args=[session.pk])).status_code == 404


def test_participant_marks_wishes_and_answers_requests_in_pages(client, session, people):
    a, b, c, *_ = people
    login(client, a.registration.person.user)
    page = client.get(reverse("matchmaking:wishes", args=[session.pk]))
    assert page.status_code == 200 and "Person1 Martin" in page.content.decode()
    row = client.post(
        reverse("matchmaking:wish_set", args=[session.pk, b.pk]),
        {"level": WishLevel.MUST_MEET},
        HTTP_HX_REQUEST="true",
    )
    assert row.status_code == 200 and 'aria-pressed="true"' in row.content.decode()
    assert Wish.objects.get(author=a, target=b).level == WishLevel.MUST_MEET
    client.post(reverse("matchmaking:request_send", args=[session.pk, c.pk]), {"message": "Hi"})
    login(client, c.registration.person.user)
    inbox = client.get(reverse("matchmaking:requests", args=[session.pk]))
    assert "Person0 Martin" in inbox.content.decode()
    r = c.received_requests.get()
    client.post(reverse("matchmaking:request_answer", args=[r.pk, "accept"]))
    r.refresh_from_db()
    assert r.status == "accepted"


def test_the_event_page_leads_to_the_meetings(client, session, people, organiser):
    event = session.event
    login(client, people[0].registration.person.user)
    page = client.get(event.get_absolute_url()).content.decode()
    assert reverse("matchmaking:hub", args=[event.slug]) in page
    hub = client.get(reverse("matchmaking:hub", args=[event.slug])).content.decode()
    assert reverse("matchmaking:wishes", args=[session.pk]) in hub
    login(client, organiser)
    page = client.get(event.get_absolute_url()).content.decode()
    assert reverse("matchmaking:sessions", args=[event.slug]) in page
    login(client, UserFactory())
    assert client.get(reverse("matchmaking:hub", args=[event.slug])).status_code == 404


def test_organiser_sets_a_participant_online_with_unavailable_slots(
    client, session, people, organiser
):
    p = people[0]
    url = reverse("matchmaking:participant_settings", args=[session.pk, p.pk])
    login(client, people[1].registration.person.user)
    assert client.get(url).status_code == 403
    login(client, organiser)
    assert client.get(url).status_code == 200
    slots = list(session.slots.order_by("index")[:2])
    client.post(
        url, {"mode": "online", "max_meetings": "3", "unavailable_slots": [s.pk for s in slots]}
    )
    p.refresh_from_db()
    assert (p.mode, p.max_meetings) == ("online", 3)
    assert set(p.unavailable_slots.all()) == set(slots)
