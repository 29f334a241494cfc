"""The data set of the permission matrix: one owner park with its staff, one object of every kind
the platform's paths name (built through the services where they exist), a participant of the
owner's private event, and the people who must be refused: anonymous, the staff of another park.

``ids[key]`` gives the path parameters that name the object ``key``; the matrix's table
(tests/security/routes.py) says, for each route, which key fills its path."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from maillage.accounts.models import ApiToken
from maillage.core.models import Job, JobState
from maillage.ecosystem import claims
from maillage.ecosystem.enums import OrganisationKind
from maillage.events.models import Event, Registration
from maillage.matchmaking.models import Meeting, MeetingSession, Opportunity, ScheduleRun
from maillage.matchmaking.services import sessions
from maillage.news.models import Article, Proposal, Source
from maillage.partnerships import services as partnerships
from maillage.reports.yearly.services import start_report
from maillage.softlanding import services as softlanding
from tests.ecosystem.factories import (
    NetworkFactory,
    OrganisationFactory,
    ParkFactory,
    PersonFactory,
    UserFactory,
)
from tests.events.factories import ProgrammeItemFactory
from tests.matchmaking.factories import MeetingRequestFactory
from tests.matchmaking.published import make_session, meet, publish

MISSING_INT = 2_000_000_000
MISSING_SLUG = "no-such-object"


@dataclass
class World:
    owner: object  # staff of the owner park
    stranger: object  # staff of another park
    participant: object  # a user taking part in the owner's private event
    admin: object  # a platform admin (superuser)
    ids: dict[str, dict] = field(default_factory=dict)


def _pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile(
        "signed.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "application/pdf"
    )


def build() -> World:
    ours = ParkFactory(name="Owner park", slug="owner-park")
    theirs = ParkFactory(name="Other park", slug="other-park")
    third = ParkFactory(name="Partner park", slug="partner-park")
    network = NetworkFactory(name="Owner network", slug="owner-network")
    startup = OrganisationFactory(name="Hosted startup", slug="hosted-startup", host_park=ours)
    owner = UserFactory(staff_of=[ours], is_staff=True)
    stranger = UserFactory(staff_of=[theirs], is_staff=True)
    admin = UserFactory(is_staff=True, is_superuser=True)

    # A private convention of the owner park with a published meeting schedule.
    published = make_session(people=3, organisers=[ours])
    event = published.event
    Event.objects.filter(pk=event.pk).update(is_public=False)
    p0, p1, _p2 = published.participants
    participant = p0.registration.person.user
    meet(published, 0, 1, slot=0)
    publish(published)
    meeting = Meeting.objects.filter(schedule__session=published.session).order_by("pk").first()
    draft_meeting = (
        Meeting.objects.filter(schedule=sessions.ensure_draft(published.session))
        .order_by("pk")
        .first()
    )
    MeetingSession.objects.filter(pk=published.session.pk).update(self_booking=True)
    request = MeetingRequestFactory(sender=p1, recipient=p0)
    sent_request = MeetingRequestFactory(sender=p0, recipient=_p2)  # withdrawn by its sender
    run = ScheduleRun.objects.create(session=published.session, started_by=owner)
    item = ProgrammeItemFactory(event=event)
    opportunity = Opportunity.objects.create(
        participant=p0, kind="offer", category="technology", title="A sensor"
    )
    registration = Registration.objects.get(pk=p0.registration_id)

    agreement = partnerships.create_agreement(
        user=owner,
        title="Private twinning",
        kind="mou",
        parties=[(ours, "signatory"), (third, "signatory")],
        commitments=[{"action": "Exchange staff", "kind": "other", "owner": ours}],
    )
    document = partnerships.add_document(
        agreement=agreement, title="Signed", file=_pdf(), user=owner
    )
    delegation = partnerships.create_delegation(
        user=owner,
        title="Visit",
        direction="incoming",
        starts_on=dt.date(2026, 5, 1),
        ends_on=dt.date(2026, 5, 3),
        hosts=[ours],
        visitors=[third],
    )
    follow_up = partnerships.add_follow_up(delegation=delegation, description="Call back")

    today = timezone.localdate()
    programme = softlanding.create_programme(user=owner, name="Landing", organisers=[ours])
    offer = softlanding.create_offer(
        programme=programme,
        host=ours,
        desks=2,
        available_from=today,
        available_until=today + dt.timedelta(days=365),
    )
    application = softlanding.submit_application(
        user=owner,
        programme=programme,
        startup=startup,
        home_park=ours,
        starts_on=today + dt.timedelta(days=30),
        ends_on=today + dt.timedelta(days=120),
        preferences=[offer],
    )
    person = PersonFactory(last_name="Owned")
    person.affiliations.create(organisation=ours, job_title="Engineer")
    token, _secret = ApiToken.issue(user=owner, name="script")
    claim = claims.claim_organisation(organisation=startup, user=participant, message="Mine")
    yearly = start_report(organisation=ours, year=2025, language="en", user=owner)
    source = Source.objects.create(kind="text", name="Press", organisation=ours)
    article = Article.objects.create(source=source, content_hash="x" * 64, text="News.")
    proposal = Proposal.objects.create(
        article=article, type="event", payload={}, fingerprint="matrix"
    )
    proposal.concerns.add(ours)

    job = Job.objects.create(
        kind="maillage.events.jobs.badges_pdf",
        owner=owner,
        state=JobState.DONE,
        result={"file_name": "badges.pdf"},
    )
    job.output.save("badges.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))

    world = World(owner=owner, stranger=stranger, participant=participant, admin=admin)
    s = published.session.pk
    world.ids = {
        "organisation": {"slug": ours.slug, "organisation_id": ours.pk},
        "hosted": {"slug": startup.slug},
        "network": {"slug": network.slug},
        "park": {"slug": ours.slug, "organisation_id": ours.pk, "pk": ours.pk, "key": "headline"},
        "event": {"slug": event.slug},
        "programme_item": {"slug": event.slug, "item_id": item.pk},
        "registration": {
            "slug": event.slug,
            "registration_id": registration.pk,
            "action": "approve",
        },
        "session": {"session_id": s, "slug": event.slug, "fmt": "pdf", "number": 1},
        "day": {"session_id": s, "day_id": published.session.days.first().pk},
        "participant": {
            "session_id": s,
            "participant_id": p1.pk,
            "fmt": "pdf",
            "free_slot": published.slots[-1].pk,
        },
        "meeting": {"session_id": s, "meeting_id": meeting.pk},
        "draft_meeting": {"session_id": s, "meeting_id": draft_meeting.pk, "lock": "lock"},
        "request": {"request_id": request.pk, "action": "accept"},
        "sent_request": {"request_id": sent_request.pk},
        "run": {"run_id": run.pk},
        "opportunity": {"slug": event.slug, "opportunity_id": opportunity.pk},
        "agreement": {"pk": agreement.pk, "kind": "agreement"},
        "commitment": {"pk": agreement.pk, "commitment_pk": agreement.commitments.first().pk},
        "document": {"pk": agreement.pk, "document_pk": document.pk},
        "delegation": {"pk": delegation.pk, "kind": "delegation"},
        "follow_up": {"pk": delegation.pk, "follow_up_pk": follow_up.pk},
        "programme": {"pk": programme.pk},
        "offer": {"pk": programme.pk, "offer_pk": offer.pk},
        "application": {"pk": application.pk},
        "person": {"pk": person.pk},
        "month": {"year": 2026, "month": 5},
        "export": {"slug": event.slug, "fmt": "csv"},
        "participant_ics": {"session_id": s, "participant_id": p1.pk, "fmt": "ics"},
        "session_ics": {"session_id": s, "fmt": "ics"},
        "api_token": {"token_id": token.pk},
        "claim": {"claim_id": claim.pk, "action": "approve"},
        "yearly": {"pk": yearly.pk},
        "proposal": {"pk": proposal.pk, "proposal_id": proposal.pk},
        "job": {"job_id": job.pk},  # started by the owner park's staff member
        # Secrets of links: wrong on purpose; the object around them is real.
        "key": {
            "slug": event.slug,
            "uidb64": "MQ",
            "token": "wrong-" + "x" * 26,
            "key": "wrong-" + "x" * 37,
            "code": "wrong-" + "x" * 26,
            "batch": "wrong-" + "x" * 20,
        },
    }
    assert ours.kind == OrganisationKind.PARK
    return world
