"""News review API for park and network staff: the sources read for their park or network, the
queue of proposals found in them, one proposal, accepting it (as found, corrected, or merged
into an existing organisation), rejecting it, the bulk acceptance of the confident ones and its
undo. Services in maillage.news (review, sources), rules in news/rules.py."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import model_validator

from maillage.api import lookups
from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers, invalid, not_found, state_change
from maillage.api.texts import Line, Text
from maillage.news import review
from maillage.news.enums import ProposalStatus, ProposalType, SourceKind, SourceStatus
from maillage.news.forms import ProposalEditForm
from maillage.news.models import Proposal
from maillage.news.selectors import review_queue, source_organisations, sources_for
from maillage.news.sources import add_source

router = Router(tags=["news"])


class ArticleOut(Schema):
    title: str
    url: str
    source: str
    published_on: date | None

    @staticmethod
    def resolve_source(obj) -> str:
        return obj.source.name


class ProposalOut(Schema):
    id: int
    type: ProposalType
    title: str
    status: ProposalStatus
    confidence: float
    payload: dict[str, Any]
    sentence: str
    same_as: int | None = Field(None, description="Id of the organisation it seems to be.")
    article: ArticleOut
    outcome: dict[str, Any]

    @staticmethod
    def resolve_same_as(obj) -> int | None:
        return obj.same_as_id


class AcceptIn(Schema):
    """Corrections of what was found (only the fields the proposal has), or the organisation to
    merge an organisation's proposal into."""

    model_config = {"extra": "forbid"}

    payload: dict[str, Line | list[Line]] = Field(default_factory=dict, max_length=20)
    into: int | None = Field(None, description="Organisation id to merge into (organisations).")


class BulkOut(Schema):
    batch: str = Field(..., description="Undo it with DELETE /news/batches/{batch}.")
    accepted: int
    problems: list[str]


class UndoOut(Schema):
    undone: int


class SourceOut(Schema):
    id: int
    kind: SourceKind
    name: str
    url: str
    organisation: int
    status: SourceStatus
    status_text: str
    fetched_at: datetime | None
    active: bool

    @staticmethod
    def resolve_organisation(obj) -> int:
        return obj.organisation_id


class SourceIn(Schema):
    organisation: int = Field(..., description="Id of the park or network whose news it is.")
    kind: SourceKind
    name: Line = Field(..., min_length=1)
    url: str = Field("", max_length=500, description="The feed's or page's web address.")
    text: Text = Field("", description="The article's text, for a pasted source.")

    @model_validator(mode="after")
    def check_kind(self):
        if self.kind == SourceKind.UPLOAD:
            raise ValueError(
                _("Upload files through the sources page; here give a feed, a page or a text.")
            )
        if self.kind in (SourceKind.FEED, SourceKind.PAGE) and not self.url:
            raise ValueError(_("Give the address of the feed or page."))
        if self.url and not self.url.lower().startswith(("http://", "https://")):
            raise ValueError(_("Give a web address starting with http:// or https://."))
        if self.kind == SourceKind.PASTED and not self.text.strip():
            raise ValueError(_("Paste the article's text."))
        return self


def _reviewer(request):
    user = request.auth
    if not user.has_perm("news.review"):
        raise PermissionDenied(_("Only the staff of a park or network review its news."))
    return user


def _proposal(request, proposal_id: int) -> Proposal:
    """The same answer for an unknown proposal and one about another park or network."""
    found = (
        Proposal.objects.select_related("article__source", "same_as").filter(pk=proposal_id).first()
    )
    if found is None or not request.auth.has_perm("news.review_proposal", found):
        raise not_found("proposal")
    return found


def _pending(proposal: Proposal) -> None:
    if proposal.status != ProposalStatus.PENDING:
        raise HttpError(409, _("This proposal was already reviewed."))


@router.get(
    "/news/proposals",
    response=answers({200: list[ProposalOut]}, 401, 403),
    auth=WRITE_AUTH,
    summary="The queue: pending proposals about one's parks and networks, most confident first",
)
def list_proposals(request):
    return list(review_queue(_reviewer(request))[:200])


@router.get(
    "/news/proposals/{proposal_id}",
    response=answers({200: ProposalOut}, 401, 404),
    auth=WRITE_AUTH,
    summary="One proposal",
)
def get_proposal(request, proposal_id: int):
    return _proposal(request, proposal_id)


@router.post(
    "/news/proposals/{proposal_id}/accept",
    response=answers({200: ProposalOut}, 401, 404, 409),
    auth=WRITE_AUTH,
    summary="Accept a proposal, as found or corrected, or merged into an organisation",
)
def accept_proposal(request, proposal_id: int, payload: AcceptIn):
    proposal = _proposal(request, proposal_id)
    _pending(proposal)
    wrong = sorted(set(payload.payload) - (set(ProposalEditForm.EDITABLE) & set(proposal.payload)))
    if wrong:
        raise invalid(
            "payload",
            _("These fields cannot be corrected on this proposal: %(fields)s.")
            % {"fields": ", ".join(wrong)},
        )
    corrections = {
        k: [i.strip() for i in v if i.strip()] if isinstance(v, list) else v.strip()
        for k, v in payload.payload.items()
    }
    into = lookups.organisation(payload.into, field="into")
    if into is not None and proposal.type != ProposalType.ORGANISATION:
        raise invalid("into", _("Only an organisation's proposal merges into an organisation."))
    return review.accept(proposal=proposal, user=request.auth, payload=corrections, into=into)


@router.post(
    "/news/proposals/{proposal_id}/reject",
    response=answers({200: ProposalOut}, 401, 404, 409),
    auth=WRITE_AUTH,
    summary="Reject a proposal; the same fact is not proposed again",
)
def reject_proposal(request, proposal_id: int):
    proposal = _proposal(request, proposal_id)
    with state_change():
        return review.reject(proposal=proposal, user=request.auth)


@router.post(
    "/news/bulk-accept",
    response=answers({200: BulkOut}, 401, 403),
    auth=WRITE_AUTH,
    summary="Accept every confident proposal of the queue that can be accepted as it is",
)
def bulk_accept(request):
    user = _reviewer(request)
    batch, count, problems = review.bulk_accept(proposals=list(review_queue(user)), user=user)
    return {"batch": batch if count else "", "accepted": count, "problems": problems}


@router.delete(
    "/news/batches/{batch}",
    response=answers({200: UndoOut}, 401, 403),
    auth=WRITE_AUTH,
    summary="Undo one's bulk acceptance: what it created is deleted",
)
def undo_batch(request, batch: str = Path(..., max_length=32)):
    _reviewer(request)
    return {"undone": review.undo_batch(batch=batch, user=request.auth)}


@router.get(
    "/news/sources",
    response=answers({200: list[SourceOut]}, 401, 403),
    auth=WRITE_AUTH,
    summary="The news sources of one's parks and networks",
)
def list_sources(request):
    user = request.auth
    if not user.has_perm("news.add_source"):
        raise PermissionDenied(_("Only the staff of a park or network read news for it."))
    return list(sources_for(user)[:500])


@router.post(
    "/news/sources",
    response=answers({201: SourceOut}, 401, 403),
    auth=WRITE_AUTH,
    summary="Add a news source (a feed, a page or a pasted text); it is read on a worker",
)
def create_source(request, payload: SourceIn):
    user = request.auth
    if not user.has_perm("news.add_source"):
        raise PermissionDenied(_("Only the staff of a park or network read news for it."))
    organisation = source_organisations(user).filter(pk=payload.organisation).first()
    if organisation is None:
        raise invalid("organisation", _("Choose a park or network whose staff you are (its id)."))
    source = add_source(
        organisation=organisation,
        kind=payload.kind,
        name=payload.name,
        url=payload.url,
        text=payload.text,
        by=user,
    )
    return Status(201, source)
