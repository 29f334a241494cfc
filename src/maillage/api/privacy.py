"""Privacy API: the signed-in person's own data (a copy of everything held about them) and the
erasure of it. Staff requests on someone else's behalf go through the privacy pages, where the
reason is recorded."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers
from maillage.ecosystem.models import Person
from maillage.privacy import access, erasure
from maillage.privacy.enums import ErasureBasis

router = Router(tags=["privacy"])


class MyDataOut(Schema):
    generated_at: str
    sections: dict[str, list[dict[str, Any]]]


class EraseIn(Schema):
    confirm: bool = False  # must be true: erasure cannot be undone


class ErasedOut(Schema):
    erased: bool
    detail: str


@router.get(
    "/privacy/me",
    response=answers({200: MyDataOut}, 401),
    auth=WRITE_AUTH,
    summary="Everything held about me",
)
def my_data(request):
    person = Person.objects.filter(user=request.user).first()
    return access.json_ready(access.person_data(person=person, user=request.user))


@router.post(
    "/privacy/me/erase",
    response=answers({200: ErasedOut}, 401, 400),
    auth=WRITE_AUTH,
    summary="Erase my data and close my account",
)
def erase_me(request, payload: EraseIn):
    if not payload.confirm:
        raise HttpError(400, _('Send {"confirm": true}: erasure cannot be undone.'))
    person = Person.objects.filter(user=request.user).first()
    if person is not None:
        erasure.erase_person(person=person, basis=ErasureBasis.SELF, performed_by=request.user)
    else:
        erasure.close_account(request.user)
    return {"erased": True, "detail": _("Your data were erased and your account closed.")}
