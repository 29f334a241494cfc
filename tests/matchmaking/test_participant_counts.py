"""The organiser's participants page counts each person's wishes and draft meetings once: the
two counts run over two joins (wishes, seats), which multiply unless each count is distinct
(the Axe Seine convention showed "Meetings (draft) 1600" for 40 wishes and 40 meetings)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from maillage.matchmaking.selectors import schedules
from maillage.matchmaking.services import editing
from maillage.matchmaking.services.sessions import ensure_draft
from tests.matchmaking.factories import WishFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy(session, people):
    """Person0 wishes to meet three people and has two meetings in the draft."""
    first = people[0]
    for target in people[1:4]:
        WishFactory(author=first, target=target)
    draft = ensure_draft(session)
    for i, other in enumerate(people[1:3]):
        editing.add_meeting(
            schedule=draft,
            people=[first, other],
            slot=session.slots.get(index=i),
            table=session.tables.get(number=1),
        )
    return first


def test_each_count_is_counted_once(session, busy):
    rows = {p.pk: p for p in schedules.participants(session)}
    assert (rows[busy.pk].n_wishes, rows[busy.pk].n_meetings) == (3, 2)


def test_participants_page_shows_the_counts(client, organiser, session, busy):
    client.force_login(organiser)
    html = client.get(reverse("matchmaking:participants", args=[session.pk])).content.decode()
    row = next(line for line in html.split("<tr>") if "Person0" in line)
    assert '<td class="text-end">3</td><td class="text-end">2</td>' in row
