"""A known data set for the reports, built with the factories and the apps' services.

Year 2025 of the park "Château-Gombert" (P, France), its sister park "Luminy" (Q) and their
network (N). Timestamps that services set to "now" (organisations', applications' and
outcomes' creation, status changes) are moved into the year afterwards, as if recorded then.
Every figure the tests assert is derived in the comments next to the data.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field
from decimal import Decimal

from maillage.ecosystem.enums import OrganisationKind
from maillage.ecosystem.models import Membership, Organisation
from maillage.events.enums import EventKind, EventStatus, RegistrationStatus
from maillage.matchmaking.enums import FeedbackOutcome, ScheduleStatus, WishLevel
from maillage.matchmaking.scheduling import release
from maillage.matchmaking.services import editing, feedback, requests, sessions, wishes
from maillage.partnerships.enums import AgreementKind, AgreementStatus, PartyRole
from maillage.partnerships.services import agreements as agreement_services
from maillage.partnerships.services import delegations as delegation_services
from maillage.softlanding import services as landing
from maillage.softlanding.enums import ApplicationStatus as A
from maillage.softlanding.models import Application, Outcome, StatusChange
from tests.ecosystem.factories import (
    NetworkFactory,
    OrganisationFactory,
    ParkFactory,
    SectorFactory,
    UserFactory,
)
from tests.events.factories import EventFactory, PersonFactory, RegistrationFactory
from tests.matchmaking.factories import ConventionFactory

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
YEAR_START, YEAR_END = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
# Meetings "have started" when compared with this moment.
NOW = dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC)


def paris(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=PARIS)


@dataclass
class World:
    park: Organisation
    sister: Organisation
    network: Organisation
    outsider: Organisation
    staff: object
    sister_staff: object
    network_staff: object
    outsider_staff: object
    admin: object
    convention: object = None
    objects: dict = field(default_factory=dict)


def build() -> World:
    park = ParkFactory(name="Château-Gombert", country="FR")
    sister = ParkFactory(name="Luminy", country="FR")
    former = ParkFactory(name="Arbois", country="FR")
    network = NetworkFactory(name="Aix-Marseille technopoles", country="FR")
    outsider = ParkFactory(name="Genopole", country="FR")
    Membership.objects.create(network=network, member=park, since=dt.date(2020, 1, 1))
    Membership.objects.create(network=network, member=sister)
    # Left the network before 2025: outside the network's scope for 2025.
    Membership.objects.create(
        network=network, member=former, since=dt.date(2019, 1, 1), until=dt.date(2024, 12, 31)
    )
    world = World(
        park=park,
        sister=sister,
        network=network,
        outsider=outsider,
        staff=UserFactory(email="staff@cg.example", staff_of=[park]),
        sister_staff=UserFactory(email="staff@luminy.example", staff_of=[sister]),
        network_staff=UserFactory(email="staff@amp.example", staff_of=[network]),
        outsider_staff=UserFactory(email="staff@genopole.example", staff_of=[outsider]),
        admin=UserFactory(email="admin@example.org", is_superuser=True, is_staff=True),
    )
    abroad = {
        "CN": ParkFactory(name="Chengdu Hi-tech Zone", country="CN"),
        "US": ParkFactory(name="Research Triangle Park", country="US"),
        "JP": OrganisationFactory(name="Life Innovation Center", country="JP"),
        "DE": OrganisationFactory(name="BioRegion Berlin", country="DE"),
        "TN": ParkFactory(name="BiotechPole Sidi Thabet", country="TN"),
    }
    world.objects["abroad"] = abroad
    _events(world, former)
    _agreements(world, abroad)
    _delegations(world, abroad)
    _softlanding(world, abroad)
    _directory(world)
    _attended(world, abroad)
    return world


def _events(world: World, former) -> None:
    park, sister = world.park, world.sister
    # E1: a convention on 10 June 2025 with 4 participants from FR, DE, CN, FR.
    start = paris(2025, 6, 10, 8, 30)
    e1 = ConventionFactory(
        title="Convention 2025",
        organisers=[park],
        starts_at=start,
        ends_at=start + dt.timedelta(hours=9),
    )
    session = sessions.create_session(
        event=e1,
        name="B2B",
        slot_minutes=20,
        days=[(dt.date(2025, 6, 10), dt.time(9), dt.time(11))],
        tables=4,
    )
    people = []
    for i, country in enumerate(["FR", "DE", "CN", "FR"]):
        org = OrganisationFactory(name=f"Participant org {i}", country=country)
        registration = RegistrationFactory(
            event=e1, person=PersonFactory(), organisation=org, status=RegistrationStatus.CONFIRMED
        )
        people.append(sessions.add_participant(session=session, registration=registration))
    slots = list(session.slots.order_by("index"))
    tables = list(session.tables.order_by("number"))
    draft = sessions.ensure_draft(session)
    for (a, b), slot in (((0, 1), 0), ((2, 3), 1), ((0, 2), 2)):
        editing.add_meeting(
            schedule=draft, people=[people[a], people[b]], slot=slots[slot], table=tables[0]
        )
    release.publish(session=session)
    published = session.schedules.get(status=ScheduleStatus.PUBLISHED)
    meetings = {
        frozenset((m.participant_a_id, m.participant_b_id)): m for m in published.meetings.all()
    }

    def meeting(a, b):
        return meetings[frozenset((people[a].pk, people[b].pk))]

    give = feedback.give_feedback
    give(
        meeting=meeting(0, 1),
        author=people[0],
        took_place=True,
        now=NOW,
        outcome=FeedbackOutcome.COOPERATION_POSSIBLE,
    )
    give(
        meeting=meeting(0, 1),
        author=people[1],
        took_place=True,
        now=NOW,
        outcome=FeedbackOutcome.INFORMATIVE,
    )
    give(meeting=meeting(2, 3), author=people[2], took_place=False, now=NOW)
    # Requested: one request and two wishes that ask (the "no thanks" does not).
    requests.send_request(sender=people[0], recipient=people[3])
    wishes.set_wish(author=people[1], target=people[2], level=WishLevel.MUST_MEET)
    wishes.set_wish(author=people[3], target=people[1], level=WishLevel.WOULD_LIKE)
    wishes.set_wish(author=people[2], target=people[1], level=WishLevel.NO_THANKS)
    world.convention = e1

    # E2: across the 31 December (22:00 to 02:00): counts in 2025. Two confirmed (FR), one
    # cancelled, one waiting; one checked in.
    e2 = EventFactory(
        title="New Year networking",
        organisers=[park],
        kind=EventKind.NETWORKING_LUNCH,
        starts_at=paris(2025, 12, 31, 22),
        ends_at=paris(2026, 1, 1, 2),
    )
    RegistrationFactory(event=e2, status=RegistrationStatus.CONFIRMED, checked_in_at=NOW)
    RegistrationFactory(event=e2, status=RegistrationStatus.CONFIRMED)
    RegistrationFactory(event=e2, status=RegistrationStatus.CANCELLED)
    RegistrationFactory(event=e2, status=RegistrationStatus.WAITLISTED)
    # A draft and a cancelled event of 2025 do not count.
    EventFactory(organisers=[park], status=EventStatus.DRAFT, starts_at=paris(2025, 5, 1, 12))
    EventFactory(organisers=[park], status=EventStatus.CANCELLED, starts_at=paris(2025, 5, 2, 12))
    # 1 January 2026 at 00:30 in Paris is still 2025 in UTC: it counts in 2026.
    EventFactory(title="New Year's Day", organisers=[park], starts_at=paris(2026, 1, 1, 0, 30))
    # The sister park's event (network only) and one both organise (once for the network).
    e5 = EventFactory(
        title="Luminy seminar",
        organisers=[sister],
        kind=EventKind.SEMINAR,
        starts_at=paris(2025, 3, 1, 10),
    )
    RegistrationFactory(event=e5, status=RegistrationStatus.CONFIRMED)
    EventFactory(
        title="Joint pitch",
        organisers=[park, sister],
        kind=EventKind.PITCH_SESSION,
        starts_at=paris(2025, 9, 1, 10),
    )
    # An event of the park that left the network in 2024: outside the network's 2025 scope.
    EventFactory(title="Arbois day", organisers=[former], starts_at=paris(2025, 4, 1, 10))


def _agreements(world: World, abroad) -> None:
    park = world.park
    create = agreement_services.create_agreement

    def parties(country):
        return [(park, PartyRole.SIGNATORY), (abroad[country], PartyRole.SIGNATORY)]

    # A1: signed on the last day of 2025, no start date: signed and in force in 2025.
    create(
        user=None,
        title="Sister parks",
        kind=AgreementKind.TWINNING,
        parties=parties("CN"),
        status=AgreementStatus.ACTIVE,
        signed_on=dt.date(2025, 12, 31),
    )
    # A2: signed in 2024, ended 30 June 2025: in force and expiring in 2025.
    create(
        user=None,
        title="Genomics cooperation",
        kind=AgreementKind.COOPERATION,
        parties=parties("US"),
        status=AgreementStatus.EXPIRED,
        signed_on=dt.date(2024, 5, 1),
        ends_on=dt.date(2025, 6, 30),
    )
    # A3: in force, ends on 31 March 2026, the 90th day after 2025: to renew.
    create(
        user=None,
        title="Kawasaki MoU",
        kind=AgreementKind.MOU,
        parties=parties("JP"),
        status=AgreementStatus.ACTIVE,
        signed_on=dt.date(2023, 1, 1),
        ends_on=dt.date(2026, 3, 31),
    )
    # A4: still in negotiation: counts nowhere.
    create(user=None, title="Tunis talks", kind=AgreementKind.COOPERATION, parties=parties("TN"))
    # A5: signed on 1 January 2026: not in 2025.
    create(
        user=None,
        title="Chengdu 2026",
        kind=AgreementKind.COOPERATION,
        parties=parties("CN"),
        status=AgreementStatus.SIGNED,
        signed_on=dt.date(2026, 1, 1),
    )
    # A6: signed in 2025 then terminated: signed in 2025, not in force.
    create(
        user=None,
        title="Berlin programme",
        kind=AgreementKind.JOINT_PROGRAMME,
        parties=parties("DE"),
        status=AgreementStatus.TERMINATED,
        signed_on=dt.date(2025, 2, 1),
    )


def _delegations(world: World, abroad) -> None:
    create = delegation_services.create_delegation
    create(
        user=None,
        title="Chengdu visit",
        direction="incoming",
        hosts=[world.park],
        visitors=[abroad["CN"]],
        starts_on=dt.date(2025, 4, 10),
        ends_on=dt.date(2025, 4, 12),
        countries="CN",
    )
    # Starts on 30 December 2025, ends in 2026: counts in 2025.
    create(
        user=None,
        title="Japan mission",
        direction="outgoing",
        hosts=[abroad["JP"]],
        visitors=[world.park],
        starts_on=dt.date(2025, 12, 30),
        ends_on=dt.date(2026, 1, 3),
        countries="JP",
    )
    create(
        user=None,
        title="Japan mission 2026",
        direction="outgoing",
        hosts=[abroad["JP"]],
        visitors=[world.park],
        starts_on=dt.date(2026, 1, 5),
        ends_on=dt.date(2026, 1, 9),
    )


def _at(model, pk, **fields) -> None:
    model.objects.filter(pk=pk).update(**fields)


def _softlanding(world: World, abroad) -> None:
    host = abroad["CN"]
    programme = landing.create_programme(user=None, name="Cross soft landing", organisers=[host])
    offer = landing.create_offer(
        programme=programme,
        host=host,
        desks=2,
        available_from=dt.date(2025, 1, 1),
        available_until=dt.date(2026, 12, 31),
    )

    def apply(home, created):
        startup = OrganisationFactory(host_park=None, country="FR")
        app = landing.submit_application(
            user=None,
            programme=programme,
            startup=startup,
            home_park=home,
            starts_on=dt.date(2025, 9, 1),
            ends_on=dt.date(2025, 12, 1),
        )
        _at(Application, app.pk, created_at=created)
        StatusChange.objects.filter(application=app).update(at=created)
        return app

    # The park's startup: applied in March, landed in September 2025, exited in February 2026.
    app = apply(world.park, paris(2025, 3, 1, 10))
    for status, when in [
        (A.SCREENING, paris(2025, 4, 1, 10)),
        (A.MATCHED, paris(2025, 5, 1, 10)),
        (A.AGREED, paris(2025, 6, 1, 10)),
        (A.LANDED, paris(2025, 9, 1, 10)),
    ]:
        app = landing.move_application(application=app, to_status=status, user=None, offer=offer)
        StatusChange.objects.filter(application=app, to_status=status).update(at=when)
    outcome = landing.record_outcome(
        application=app,
        months=6,
        local_entity_created=True,
        jobs=3,
        contracts=2,
        funds_raised=Decimal("50000"),
    )
    _at(Outcome, outcome.pk, recorded_at=paris(2025, 12, 15, 10))
    app = landing.move_application(
        application=app, to_status=A.EXITED, user=None, exit_outcome="stayed"
    )
    StatusChange.objects.filter(application=app, to_status=A.EXITED).update(
        at=paris(2026, 2, 1, 10)
    )
    # Applied in November 2024 and declined: not in 2025.
    old = apply(world.park, paris(2024, 11, 1, 10))
    landing.move_application(application=old, to_status=A.DECLINED, user=None)
    StatusChange.objects.filter(application=old, to_status=A.DECLINED).update(
        at=paris(2024, 11, 20, 10)
    )
    # The sister park's startup, applied in May 2025 (network only).
    apply(world.sister, paris(2025, 5, 1, 10))


def _attended(world: World, abroad) -> None:
    """A trade show abroad with the park's staff and one of its companies: one event attended,
    two delegates (a cancelled registration and an outsider do not count)."""
    show = EventFactory(
        title="Biotech Showcase",
        organisers=[abroad["US"]],
        country="US",
        starts_at=paris(2025, 1, 13, 18),
    )
    company = Organisation.objects.get(name="AI startup")
    RegistrationFactory(event=show, organisation=world.park)
    RegistrationFactory(event=show, organisation=company)
    RegistrationFactory(event=show, organisation=company, status=RegistrationStatus.CANCELLED)
    RegistrationFactory(event=show)  # someone else's company


def _directory(world: World) -> None:
    digital = SectorFactory(code="digital", name_en="Digital", name_fr="Numérique")
    ai = SectorFactory(code="ai", name_en="Artificial intelligence", name_fr="IA", parent=digital)
    health = SectorFactory(code="health", name_en="Health", name_fr="Santé")

    def hosted(name, created, sectors, park=None):
        org = OrganisationFactory(name=name, host_park=park or world.park, sectors=sectors)
        _at(Organisation, org.pk, created_at=created)
        return org

    hosted("AI startup", paris(2025, 2, 1, 10), [ai])
    # Created at 23:00 in Paris on 31 December (22:00 UTC): added in 2025, in two filières.
    hosted("Health data", paris(2025, 12, 31, 23), [health, ai])
    hosted("No sector lab", paris(2025, 7, 1, 10), [])
    hosted("Old company", paris(2024, 6, 1, 10), [digital])
    hosted("New Year company", paris(2026, 1, 1, 0, 30), [health])
    hosted("Luminy biotech", paris(2025, 8, 1, 10), [health], park=world.sister)
    assert Organisation.objects.filter(kind=OrganisationKind.NETWORK).count() == 1
