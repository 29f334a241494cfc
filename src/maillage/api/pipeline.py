"""A soft-landing programme's pipeline: the board (applications by status, as the board page
shows them) and matching (proposing an assignment of applications to host offers, accepting
it). The board is for those who see the programme; matching for its organisers' staff."""

from __future__ import annotations

from ninja import Router, Schema

from maillage.api.applications import ApplicationOut
from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers
from maillage.api.programmes import load_programme
from maillage.softlanding import selectors, services
from maillage.softlanding.enums import TRANSITIONS

router = Router(tags=["soft landing"])


class CardOut(ApplicationOut):
    next_statuses: list[str]
    can_move: bool

    @staticmethod
    def resolve_next_statuses(obj):
        return sorted(TRANSITIONS[obj.status])

    @staticmethod
    def resolve_can_move(obj, context):
        return context["request"].user.has_perm("softlanding.move_application", obj)


class ColumnOut(Schema):
    status: str
    label: str
    applications: list[CardOut]


class BoardOut(Schema):
    programme: int
    columns: list[ColumnOut]


class MatchProposalOut(Schema):
    assignments: dict[int, int | None]
    optimal: bool
    placed: int


class MatchAcceptIn(Schema):
    assignments: dict[int, int | None]


@router.get("/softlanding/programmes/{pk}/board", response=answers({200: BoardOut}, 404))
def board(request, pk: int):
    """The pipeline board: one column per status, the applications the caller may see."""
    programme = load_programme(request, pk)
    apps = selectors.visible_applications(request.user).filter(programme=programme)
    return {
        "programme": programme.pk,
        "columns": [
            {"status": status, "label": str(label), "applications": cards}
            for status, label, cards in selectors.board(apps)
        ],
    }


@router.post(
    "/softlanding/programmes/{pk}/matching",
    response=answers({200: MatchProposalOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def propose(request, pk: int):
    programme = load_programme(request, pk, change=True)
    result = services.propose_assignment(programme=programme)
    return {
        "assignments": result.hosts,
        "optimal": result.optimal,
        "placed": sum(1 for v in result.hosts.values() if v is not None),
    }


@router.post(
    "/softlanding/programmes/{pk}/matching/accept",
    response=answers({200: list[ApplicationOut]}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def accept(request, pk: int, payload: MatchAcceptIn):
    programme = load_programme(request, pk, change=True)
    return services.accept_assignment(
        programme=programme, choices=payload.assignments, user=request.user
    )
