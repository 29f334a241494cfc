"""Matchmaking API: the marketplace of an event — browse and search its offers and requests,
read one, publish, edit and withdraw one's own, react to others' and read the reactions to
one's own.

As the marketplace pages: everyone sees the public opportunities of an event they may see, its
participants and staff see all of them; only the event's participants publish and react; the
author (or the event's staff, who moderate) edits and withdraws. State changes go through
``matchmaking.services.marketplace``, reads through ``matchmaking.selectors.marketplace``.
"""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers, invalid, not_found
from maillage.api.matchmaking import ParticipantOut, participant_json
from maillage.api.texts import MAX_ITEMS, Code, Line, Text
from maillage.ecosystem.models import Sector
from maillage.events.models import Event
from maillage.matchmaking.enums import OpportunityCategory, OpportunityKind
from maillage.matchmaking.models import Opportunity, Participant
from maillage.matchmaking.selectors import marketplace as selectors
from maillage.matchmaking.selectors.participants import participant_for, participants_of
from maillage.matchmaking.services import marketplace

router = Router(tags=["matchmaking: marketplace"])


class OpportunityOut(Schema):
    id: int
    kind: str
    category: str
    title: str
    description: str
    sectors: list[str]  # sector codes (GET /api/v1/sectors)
    keywords: list[str]
    language: str
    is_public: bool
    author: ParticipantOut
    mine: bool  # published by the caller
    created_at: datetime
    updated_at: datetime


class OpportunityPageOut(Schema):
    page: int
    pages: int
    count: int
    items: list[OpportunityOut]


class ReactionOut(Schema):
    id: int
    author: ParticipantOut
    message: str
    created_at: datetime


class MyOpportunityOut(OpportunityOut):
    reactions: list[ReactionOut]


class MarketplaceFilters(Schema):
    kind: OpportunityKind | None = None
    category: OpportunityCategory | None = None
    sector: Code = Field("", description="a sector code; a filière includes its specialities")
    q: Line = Field("", description="words to find in titles, descriptions, keywords")
    page: int = Field(1, ge=1, le=1_000_000)


class OpportunityIn(Schema):
    kind: OpportunityKind
    category: OpportunityCategory
    title: Line
    description: Text = ""
    sectors: list[Code] = Field([], max_length=MAX_ITEMS, description="sector codes")
    keywords: Line = Field("", description="keywords separated by commas")
    language: Code = ""
    is_public: bool = True


class OpportunityPatch(Schema):
    kind: OpportunityKind | None = None
    category: OpportunityCategory | None = None
    title: Line | None = None
    description: Text | None = None
    sectors: list[Code] | None = Field(None, max_length=MAX_ITEMS, description="sector codes")
    keywords: Line | None = None
    language: Code | None = None
    is_public: bool | None = None


class ReactionIn(Schema):
    message: Text


def _event(request, slug: str) -> Event:
    event = Event.objects.select_related("venue_organisation").filter(slug=slug).first()
    if event is None or not request.user.has_perm("events.view_event", event):
        raise not_found("event")
    return event


def _participant_or_denied(request, event: Event) -> Participant:
    me = participant_for(request.user, event)
    if me is None:
        raise HttpError(
            403,
            _(
                "Only participants of this event's meetings may do this; register to the event first."
            ),
        )
    return me


def _insider(request, event: Event, me: Participant | None) -> bool:
    return me is not None or request.user.has_perm("matchmaking.manage_meetings", event)


def _opportunity(request, event: Event, opportunity_id: int, me: Participant | None):
    qs = selectors.with_details(selectors.visible(event, insider=_insider(request, event, me)))
    opportunity = qs.filter(pk=opportunity_id).first()
    if opportunity is None:
        raise not_found("opportunity")
    return opportunity


def _sectors(codes: list[str]) -> list[Sector]:
    codes = list(dict.fromkeys(codes))
    found = list(Sector.objects.filter(code__in=codes))
    unknown = sorted(set(codes) - {s.code for s in found})
    if unknown:
        raise invalid(
            "sectors",
            _("Unknown sector code(s): %(codes)s. Look them up with GET /api/v1/sectors.")
            % {"codes": ", ".join(unknown)},
        )
    return found


def _out(o: Opportunity, me: Participant | None) -> dict:
    return {
        "id": o.pk,
        "kind": o.kind,
        "category": o.category,
        "title": o.title,
        "description": o.description,
        "sectors": [s.code for s in o.sectors.all()],
        "keywords": o.keyword_list,
        "language": o.language,
        "is_public": o.is_public,
        "author": participant_json(o.participant),
        "mine": me is not None and o.participant_id == me.pk,
        "created_at": o.created_at,
        "updated_at": o.updated_at,
    }


def _reaction_out(r) -> dict:
    return {
        "id": r.pk,
        "author": participant_json(r.author),
        "message": r.message,
        "created_at": r.created_at,
    }


def _reloaded(opportunity: Opportunity, me: Participant | None) -> dict:
    fresh = selectors.with_details(Opportunity.objects.filter(pk=opportunity.pk)).get()
    return _out(fresh, me)


@router.get(
    "/matchmaking/events/{slug}/opportunities",
    response=answers({200: OpportunityPageOut}, 404),
)
def list_opportunities(request, slug: str, filters: Query[MarketplaceFilters]):
    """The event's offers and requests, newest first, 24 a page; anonymous callers and
    outsiders see the public ones only."""
    event = _event(request, slug)
    me = participant_for(request.user, event)
    if filters.sector and not Sector.objects.filter(code=filters.sector).exists():
        raise invalid(
            "sector",
            _("Unknown sector code %(code)s. Look it up with GET /api/v1/sectors.")
            % {"code": filters.sector},
            "query",
        )
    page = selectors.browse(
        event,
        selectors.Filters(
            kind=filters.kind or "",
            category=filters.category or "",
            sector=filters.sector,
            q=filters.q,
        ),
        insider=_insider(request, event, me),
        page=filters.page,
    )
    return {
        "page": page.number,
        "pages": page.paginator.num_pages,
        "count": page.paginator.count,
        "items": [_out(o, me) for o in page.object_list],
    }


@router.get(
    "/matchmaking/events/{slug}/opportunities/{opportunity_id}",
    response=answers({200: OpportunityOut}, 404),
)
def get_opportunity(request, slug: str, opportunity_id: int):
    event = _event(request, slug)
    me = participant_for(request.user, event)
    return _out(_opportunity(request, event, opportunity_id, me), me)


@router.post(
    "/matchmaking/events/{slug}/opportunities",
    response=answers({201: OpportunityOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def publish_opportunity(request, slug: str, payload: OpportunityIn):
    """Publish an offer or a request in the caller's name (a participant of the event)."""
    event = _event(request, slug)
    me = _participant_or_denied(request, event)
    fields = payload.dict()
    fields["sectors"] = _sectors(fields["sectors"])
    opportunity = marketplace.publish_opportunity(participant=me, **fields)
    return Status(201, _reloaded(opportunity, me))


@router.patch(
    "/matchmaking/events/{slug}/opportunities/{opportunity_id}",
    response=answers({200: OpportunityOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def edit_opportunity(request, slug: str, opportunity_id: int, payload: OpportunityPatch):
    """Change the fields given; only the author, or the event's staff, may."""
    event = _event(request, slug)
    me = participant_for(request.user, event)
    opportunity = _opportunity(request, event, opportunity_id, me)
    fields = payload.dict(exclude_unset=True)
    for name in ("kind", "category", "title", "is_public"):
        if name in fields and fields[name] is None:
            raise invalid(name, _("This field cannot be emptied; give a value or leave it out."))
    for name in ("description", "keywords", "language"):
        if name in fields and fields[name] is None:
            fields[name] = ""
    if "sectors" in fields:
        fields["sectors"] = _sectors(fields["sectors"] or [])
    staff = request.user.has_perm("matchmaking.manage_meetings", event)
    marketplace.edit_opportunity(opportunity=opportunity, by=me, staff=staff, **fields)
    return _reloaded(opportunity, me)


@router.delete(
    "/matchmaking/events/{slug}/opportunities/{opportunity_id}",
    response=answers({204: None}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def withdraw_opportunity(request, slug: str, opportunity_id: int):
    """Withdraw an opportunity and the reactions to it (the author, or the staff moderating)."""
    event = _event(request, slug)
    me = participant_for(request.user, event)
    opportunity = _opportunity(request, event, opportunity_id, me)
    staff = request.user.has_perm("matchmaking.manage_meetings", event)
    marketplace.withdraw_opportunity(opportunity=opportunity, by=me, staff=staff)
    return Status(204, None)


@router.get(
    "/matchmaking/events/{slug}/my-opportunities",
    response=answers({200: list[MyOpportunityOut]}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def my_opportunities(request, slug: str):
    """The caller's own opportunities in the event, each with the reactions received."""
    event = _event(request, slug)
    ids = list(participants_of(request.user, event).values_list("id", flat=True))
    if not ids:
        raise HttpError(403, _("You do not take part in this event's meetings."))
    me = participant_for(request.user, event)
    return [
        {**_out(o, me), "mine": True, "reactions": [_reaction_out(r) for r in o.reactions.all()]}
        for o in selectors.mine(ids)
    ]


@router.post(
    "/matchmaking/events/{slug}/opportunities/{opportunity_id}/reactions",
    response=answers({201: ReactionOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def react(request, slug: str, opportunity_id: int, payload: ReactionIn):
    """Answer an opportunity with a message its author reads with their opportunities."""
    event = _event(request, slug)
    me = participant_for(request.user, event)
    opportunity = _opportunity(request, event, opportunity_id, me)
    if me is None:
        raise HttpError(403, _("Only participants of this event may react."))
    reaction = marketplace.react(opportunity=opportunity, author=me, message=payload.message)
    reaction.author = me
    return Status(201, _reaction_out(reaction))


@router.get(
    "/matchmaking/events/{slug}/opportunities/{opportunity_id}/reactions",
    response=answers({200: list[ReactionOut]}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def list_reactions(request, slug: str, opportunity_id: int):
    """The reactions to one of the caller's own opportunities (only its author reads them)."""
    event = _event(request, slug)
    me = participant_for(request.user, event)
    opportunity = _opportunity(request, event, opportunity_id, me)
    ids = list(participants_of(request.user, event).values_list("id", flat=True))
    own = selectors.mine(ids).filter(pk=opportunity.pk).first()
    if own is None:
        raise HttpError(
            403, _("Only the participant who published this opportunity reads the reactions to it.")
        )
    return [_reaction_out(r) for r in own.reactions.all()]
