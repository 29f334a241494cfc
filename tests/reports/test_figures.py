"""Every figure of compute_figures on the known data set (tests/reports/dataset.py)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from maillage.matchmaking.services.feedback import rates
from maillage.reports.figures import compute_figures
from maillage.reports.members import MEMBER_FIGURES, member_rows
from tests.reports import dataset
from tests.reports.dataset import NOW, YEAR_END, YEAR_START


@pytest.fixture
def world(db):
    return dataset.build()


def figures(scope, start=YEAR_START, end=YEAR_END):
    return compute_figures(scope=scope, start=start, end=end, now=NOW)


def test_events_and_participants_of_the_park(world):
    f = figures(world.park)
    # E1 (June), E2 (across 31 Dec, counted in the year it starts), the joint pitch (Sept).
    assert [e.title for e in f.event_lines] == [
        "Convention 2025",
        "Joint pitch",
        "New Year networking",
    ]
    assert (f.events.held, f.events.upcoming) == (3, 0)
    assert f.events.participants == 4 + 2  # E1's four, E2's two confirmed
    assert f.events.checked_in == 1
    assert f.events.organisations == 6  # one organisation per confirmed registration here
    assert {(c.code, c.value) for c in f.events.by_kind} == {
        ("business_convention", 1),
        ("networking_lunch", 1),
        ("pitch_session", 1),
    }
    months = {c.code: c.value for c in f.events.by_month}
    assert len(months) == 12 and months["2025-06"] == 1 and months["2025-12"] == 1
    assert sum(months.values()) == 3
    by_title = {e.title: e for e in f.event_lines}
    assert by_title["Convention 2025"].participants == 4
    assert by_title["Convention 2025"].meetings_scheduled == 3


def test_events_attended_abroad(world):
    f = figures(world.park)
    assert (f.events.attended, f.events.delegates) == (1, 2)
    assert f.headline()["events_attended"] == 1
    # The show is nobody's own event in the scope: it adds no participants nor countries.
    assert "Biotech Showcase" not in [e.title for e in f.event_lines]
    network = figures(world.network)
    assert (network.events.attended, network.events.delegates) == (1, 2)
    # The organiser's own report does not count its own show as attended.
    assert figures(world.objects["abroad"]["US"]).events.attended == 0


def test_the_event_across_new_year_counts_in_the_year_it_starts(world):
    f2026 = figures(world.park, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    # Not the 31 December event; the one at 00:30 on 1 January (Paris) is 2026's.
    assert [e.title for e in f2026.event_lines] == ["New Year's Day"]
    first_day = figures(world.park, dt.date(2025, 12, 31), dt.date(2025, 12, 31))
    assert [e.title for e in first_day.event_lines] == ["New Year networking"]


def test_meetings_and_feedback(world):
    f = figures(world.park)
    m = f.meetings
    assert (m.sessions, m.participants) == (1, 4)
    assert (m.requests, m.wishes, m.requested) == (1, 2, 3)
    assert m.scheduled == 3
    assert m.held == 2  # one meeting reported as not having taken place
    assert m.per_participant == 1.5  # 6 seats / 4 participants
    fb = f.feedback
    assert (fb.meetings, fb.answered_meetings, fb.answers, fb.took_place) == (3, 2, 3, 2)
    assert {c.code: c.value for c in fb.outcomes} == {
        "did_not_take_place": 1,
        "insufficient_interest": 0,
        "informative_no_cooperation": 1,
        "cooperation_possible": 1,
    }
    assert fb.cooperation_possible_share == 33.3
    assert fb.response_rate == 66.7


def test_feedback_figures_agree_with_the_matchmaking_rates(world):
    f = figures(world.park)
    r = rates(world.convention, now=NOW)
    assert (f.feedback.meetings, f.feedback.answered_meetings) == (r.meetings, r.answered_meetings)
    assert (f.feedback.answers, f.feedback.took_place) == (r.answers, r.took_place)
    assert f.feedback.response_rate == r.response_rate
    share = {value: pct for value, _l, _n, pct in r.outcome_rates()}["cooperation_possible"]
    assert f.feedback.cooperation_possible_share == share


def test_meetings_not_started_yet_are_not_held(world):
    before = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
    f = compute_figures(scope=world.park, start=YEAR_START, end=YEAR_END, now=before)
    assert f.meetings.scheduled == 3
    assert f.meetings.held == 0
    assert f.feedback.meetings == 0
    assert (f.events.held, f.events.upcoming) == (0, 3)


def test_agreements(world):
    a = figures(world.park).agreements
    assert a.signed == 2  # signed on 31 December, and the one terminated since
    assert a.active == 3  # sister parks, genomics (until June), Kawasaki
    assert a.expiring == 1  # genomics ended on 30 June 2025
    assert a.to_renew == 1  # Kawasaki ends on the 90th day after the year
    assert {(c.code, c.value) for c in a.signed_by_kind} == {
        ("twinning", 1),
        ("joint_programme", 1),
    }
    lines = {line.title: line for line in a.agreements}
    assert set(lines) == {
        "Sister parks",
        "Genomics cooperation",
        "Kawasaki MoU",
        "Berlin programme",
    }
    assert lines["Sister parks"].partners == ("Chengdu Hi-tech Zone",)
    assert lines["Sister parks"].countries == ("CN",)


def test_renewal_window_is_ninety_days(world):
    # A year ending one day later leaves 31 March 2026 inside; one ending on 2 Jan 2026 too.
    a = figures(world.park, dt.date(2025, 1, 1), dt.date(2025, 12, 30)).agreements
    assert a.to_renew == 0  # 31 March 2026 is the 91st day after 30 December
    a = figures(world.park, dt.date(2025, 1, 2), dt.date(2026, 1, 1)).agreements
    assert a.to_renew == 1
    # The Chengdu agreement signed on 1 January 2026 is only in a period holding that day.
    assert figures(world.park, dt.date(2026, 1, 1), dt.date(2026, 1, 1)).agreements.signed == 1


def test_delegations(world):
    d = figures(world.park).delegations
    assert (d.incoming, d.outgoing) == (1, 1)
    assert [x.title for x in d.delegations] == ["Chengdu visit", "Japan mission"]
    assert d.delegations[1].countries == ("JP",)


def test_countries_reached(world):
    f = figures(world.park)
    reach = {c.code: (c.agreements, c.delegations, c.participants) for c in f.countries}
    assert reach == {
        "CN": (1, 1, 1),  # sister parks; the Chengdu visit; a convention participant
        "DE": (1, 0, 1),  # the Berlin programme (signed in 2025); a participant
        "FR": (0, 0, 4),  # two at the convention, two at the New Year networking
        "JP": (1, 1, 0),  # Kawasaki MoU; the Japan mission
        "US": (1, 0, 0),  # genomics cooperation
    }
    assert (f.countries_reached, f.foreign_countries) == (5, 4)
    china = next(c for c in f.countries if c.code == "CN")
    assert china.latitude is not None and china.longitude is not None


def test_softlanding(world):
    s = figures(world.park).softlanding
    assert (s.applications, s.landings, s.exits, s.stayed) == (1, 1, 0, 0)
    assert (s.outcomes_recorded, s.jobs, s.contracts, s.local_entities) == (1, 3, 2, 1)
    assert s.funds_raised == Decimal("50000.00")
    assert {c.code: c.value for c in s.by_status if c.value} == {"exited": 1}
    s2026 = figures(world.park, dt.date(2026, 1, 1), dt.date(2026, 12, 31)).softlanding
    assert (s2026.applications, s2026.landings, s2026.exits, s2026.stayed) == (0, 0, 1, 1)
    # The host park sees the same startup from the other side.
    host = world.objects["abroad"]["CN"]
    assert figures(host).softlanding.landings == 1


def test_directory_growth(world):
    d = figures(world.park).directory
    assert d.added == 3
    assert d.total == 4  # the three of 2025 and the one of 2024
    assert [(c.code, c.value) for c in d.by_sector] == [("digital", 2), ("health", 1), ("none", 1)]


def test_network_adds_up_its_member_parks_once(world):
    f = figures(world.network)
    assert set(f.member_ids) == {world.park.pk, world.sister.pk}  # Arbois left in 2024
    assert f.events.held == 4  # the park's 3 (joint pitch once) and Luminy's seminar
    assert f.events.participants == 7
    assert f.softlanding.applications == 2
    assert f.directory.added == 4
    assert f.agreements.signed == 2


def test_member_rows_equal_each_park_alone(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        rows = member_rows(world.network, YEAR_START, YEAR_END, now=NOW)
    assert [r.name for r in rows] == ["Château-Gombert", "Luminy"]
    for row, park in zip(rows, [world.park, world.sister], strict=True):
        alone = figures(park).headline()
        assert row.values == {key: alone[key] for key in MEMBER_FIGURES}
    assert rows[1].values["events_held"] == 2 and rows[1].values["softlanding_applications"] == 1


def test_an_empty_period_is_all_zeros(world):
    f = figures(world.park, dt.date(2010, 1, 1), dt.date(2010, 12, 31))
    assert set(f.headline().values()) == {0}
    assert f.countries == () and f.event_lines == () and f.agreements.agreements == ()
    assert [c.value for c in f.events.by_month] == [0] * 12
    assert f.directory.by_sector == ()
    assert f.softlanding.funds_raised == Decimal("0.00")


def test_query_count_is_bounded(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(35):
        figures(world.network)


def test_as_dict_is_json_ready(world):
    data = figures(world.park).as_dict()
    again = json.loads(json.dumps(data))
    assert again == data
    assert data["start"] == "2025-01-01"
    assert data["headline"]["agreements_signed"] == 2
    assert data["softlanding"]["funds_raised"] == "50000.00"
    assert data["countries_reached"] == 5
