"""Privacy API for staff: a person's data request carried out on their behalf — find the person
by address, a copy of their data, their erasure, asking them by e-mail to change their public
listing (only the person decides) — the log of requests handled, and the audit history of an
object one may edit. Services in maillage.privacy (access, erasure, confirmation, audit)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema

from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers, invalid, not_found
from maillage.api.privacy import ErasedOut, MyDataOut
from maillage.ecosystem.models import Person
from maillage.privacy import access, audit, confirmation, erasure, selectors
from maillage.privacy.enums import ConsentPurpose, ErasureBasis

router = Router(tags=["privacy"])


class ReasonIn(Schema):
    reason: str = Field(
        ..., min_length=1, max_length=500, description="How the person asked; kept in the log."
    )


class StaffEraseIn(ReasonIn):
    confirm: bool = Field(False, description="Must be true: the erasure cannot be undone.")


class FindIn(Schema):
    email: str = Field(..., min_length=3, max_length=254, description="The address they gave.")


class ConsentAskIn(Schema):
    granted: bool = Field(..., description="True: to be listed in the public directory.")


class HandledPersonOut(Schema):
    id: int
    first_name: str
    last_name: str
    email: str
    public_consent: bool


class RequestOut(Schema):
    id: int
    person: int
    kind: str
    basis: str
    performed_by: str
    reason: str
    created_at: datetime

    @staticmethod
    def resolve_person(obj) -> int:
        return obj.person_id

    @staticmethod
    def resolve_performed_by(obj) -> str:
        return obj.performed_by.email if obj.performed_by else ""


class AskedOut(Schema):
    asked: bool
    detail: str


class HistoryEntryOut(Schema):
    timestamp: datetime
    action: str
    actor: str
    changes: dict[str, Any]

    @staticmethod
    def resolve_action(obj) -> str:
        return obj.get_action_display()

    @staticmethod
    def resolve_actor(obj) -> str:
        return obj.actor.email if obj.actor else ""

    @staticmethod
    def resolve_changes(obj) -> dict:
        return obj.changes_dict


def _staff(request):
    user = request.auth
    if not user.has_perm("privacy.handle_requests"):
        raise PermissionDenied(_("Only the staff of a park or network handle data requests."))
    return user


def _handled_person(request, pk: int) -> Person:
    """The same answer for an unknown person and one the caller's park does not manage."""
    user = _staff(request)
    person = selectors.people_handled_by(user).filter(pk=pk).first()
    if person is None or not user.has_perm("privacy.handle_person_request", person):
        raise not_found("person")
    return person


@router.get(
    "/privacy/people",
    response=answers({200: HandledPersonOut}, 401, 403, 404),
    auth=WRITE_AUTH,
    summary="Find the person who asked, by e-mail address, among the people one manages",
)
def find_person(request, query: Query[FindIn]):
    person = selectors.find_person(user=_staff(request), email=query.email)
    if person is None:
        raise not_found("person")
    return person


@router.get(
    "/privacy/requests",
    response=answers({200: list[RequestOut]}, 401, 403),
    auth=WRITE_AUTH,
    summary="The latest data requests carried out by staff on people one manages",
)
def list_requests(request):
    return list(selectors.requests_handled_by(_staff(request)))


@router.post(
    "/privacy/people/{pk}/data",
    response=answers({200: MyDataOut}, 401, 403, 404),
    auth=WRITE_AUTH,
    summary="A copy of everything held about a person, asked by them (kept in the log)",
)
def person_data(request, pk: int, payload: ReasonIn):
    person = _handled_person(request, pk)
    erasure.record_access(
        person=person,
        basis=ErasureBasis.STAFF_ON_REQUEST,
        performed_by=request.auth,
        reason=payload.reason,
    )
    return access.json_ready(access.person_data(person=person))


@router.post(
    "/privacy/people/{pk}/erase",
    response=answers({200: ErasedOut}, 401, 403, 404),
    auth=WRITE_AUTH,
    summary="Erase a person's data, asked by them (kept in the log; cannot be undone)",
)
def erase_person(request, pk: int, payload: StaffEraseIn):
    person = _handled_person(request, pk)
    if not payload.confirm:
        raise invalid("confirm", _("Send true to confirm the erasure: it cannot be undone."))
    erasure.erase_person(
        person=person,
        basis=ErasureBasis.STAFF_ON_REQUEST,
        performed_by=request.auth,
        reason=payload.reason,
    )
    return {
        "erased": True,
        "detail": _("The person's data were erased; the erasure is in the log."),
    }


@router.post(
    "/privacy/people/{pk}/ask-consent",
    response=answers({200: AskedOut}, 401, 403, 404),
    auth=WRITE_AUTH,
    summary="Ask a person by e-mail to confirm a change of their public listing",
)
def ask_consent(request, pk: int, payload: ConsentAskIn):
    person = _handled_person(request, pk)
    pending = confirmation.ask_consent_change(
        person=person,
        purpose=ConsentPurpose.PUBLIC_DIRECTORY,
        granted=payload.granted,
        requested_by=request.auth,
    )
    if pending is None:
        return {
            "asked": False,
            "detail": _("Nothing to ask: the person's choice is already this one."),
        }
    return {
        "asked": True,
        "detail": _("An e-mail asks the person to confirm; nothing changes until they do."),
    }


@router.get(
    "/privacy/history/{kind}/{pk}",
    response=answers({200: list[HistoryEntryOut]}, 401, 404),
    auth=WRITE_AUTH,
    summary="Who changed what on an object one may edit (organisation, event, agreement…)",
)
def history(request, pk: int, kind: str = Path(..., max_length=40)):
    if kind not in audit.AUDITED:
        raise not_found("object")
    obj = apps.get_model(audit.AUDITED[kind].label).objects.filter(pk=pk).first()
    if obj is None or not audit.may_read_history(request.auth, kind, obj):
        raise not_found("object")
    return list(audit.history(obj)[:500])
