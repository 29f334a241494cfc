"""Load the recommendation engine's plain values from the database, in a fixed number of queries.

A profile is a participant of a session: their opportunities (title, description, keywords,
sectors), their organisation's sectors and description (both languages) and their job title.
The session's rules on who may meet whom and the "no, thanks" wishes filter the proposals.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Prefetch
from django.utils.translation import get_language

from maillage.ecosystem.models import Sector
from maillage.matchmaking.enums import WishLevel
from maillage.matchmaking.models import MeetingSession, Opportunity, Participant, Wish
from maillage.matchmaking.services import recommendations as engine
from maillage.matchmaking.services.sessions import forbidden_type_pairs


def _sector_name(sector: Sector, french: bool) -> str:
    return sector.name_fr if french else sector.name_en


def load_profiles(session: MeetingSession) -> tuple[list[engine.Profile], dict[int, str]]:
    """The profiles of the session's participants, and each participant's type."""
    french = (get_language() or "en").startswith("fr")
    opportunities = Opportunity.objects.prefetch_related("sectors").order_by("id")
    participants = (
        Participant.objects.filter(session=session)
        .select_related("registration__person", "registration__organisation")
        .prefetch_related(
            "registration__organisation__sectors", Prefetch("opportunities", queryset=opportunities)
        )
        .order_by("id")
    )
    profiles, types = [], {}
    for p in participants:
        reg = p.registration
        org = reg.organisation
        sectors = (
            frozenset(_sector_name(s, french) for s in org.sectors.all()) if org else frozenset()
        )
        text = " ".join(
            x
            for x in (
                reg.job_title,
                org.description_en if org else "",
                org.description_fr if org else "",
            )
            if x
        )
        opps = tuple(
            engine.Opportunity(
                id=o.pk,
                kind=o.kind,
                title=o.title,
                text=f"{o.description} {o.keywords}",
                sectors=frozenset(_sector_name(s, french) for s in o.sectors.all()),
            )
            for o in p.opportunities.all()
        )
        profiles.append(
            engine.Profile(
                id=p.pk,
                name=str(reg.person),
                organisation_id=reg.organisation_id,
                sectors=sectors,
                text=text,
                opportunities=opps,
            )
        )
        types[p.pk] = reg.participation_type
    return profiles, types


def recommendations_for(
    session: MeetingSession, *, participant_ids=None, limit: int = 10
) -> dict[int, list[engine.Recommendation]]:
    """Ranked people to meet for the given participants (default: all of the session)."""
    profiles, types = load_profiles(session)
    forbidden = forbidden_type_pairs(session)
    declined: dict[int, set[int]] = defaultdict(set)
    wishes = Wish.objects.filter(session=session, level=WishLevel.NO_THANKS)
    if participant_ids is not None:
        wishes = wishes.filter(author_id__in=participant_ids)
    for author, target in wishes.values_list("author_id", "target_id"):
        declined[author].add(target)

    def can_meet(a: int, b: int) -> bool:
        return (types[a], types[b]) not in forbidden

    return engine.recommend(
        profiles,
        for_ids=participant_ids,
        limit=limit,
        exclude=declined,
        can_meet=can_meet if forbidden else None,
    )


def people_to_meet(
    session: MeetingSession, participant: Participant, *, limit: int = 20
) -> list[tuple[engine.Recommendation, Participant]]:
    """The participant's recommendations, best first, each with the participant proposed
    (their person and organisation loaded): what the recommendations page and the API show."""
    found = recommendations_for(session, participant_ids=[participant.pk], limit=limit)[
        participant.pk
    ]
    people = Participant.objects.select_related(
        "registration__person", "registration__organisation"
    ).in_bulk([r.participant_id for r in found])
    return [(r, people[r.participant_id]) for r in found]
