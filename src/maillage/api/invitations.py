"""Invitations API: the organiser invites an event's registrants to sign in with a personal
link (maillage.events.invitations) and reads where each invitation stands."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Q
from ninja import Field, Router, Schema

from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers
from maillage.api.event_access import managed_event
from maillage.events import invitations

router = Router(tags=["invitations"])


class InviteIn(Schema):
    registrations: list[int] | None = Field(
        None,
        max_length=10000,
        description="Ids of confirmed registrations to (re)send their link to. Leave out to "
        "invite every confirmed registrant not invited yet.",
    )
    resend: bool = Field(
        False, description="Without ids: send again to all who have not signed in yet."
    )


class InviteOut(Schema):
    sent: int
    skipped: int
    message: str


class InvitationStateOut(Schema):
    registration: int
    email: str
    invited_at: datetime | None
    last_sent_at: datetime | None
    sent_count: int
    opened_at: datetime | None
    signed_in: bool


@router.post(
    "/events/{slug}/invitations",
    response=answers({200: InviteOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def invite(request, slug: str, payload: InviteIn):
    event = managed_event(request, slug, "events.manage_registrations")
    result = invitations.invite(
        event=event, registration_ids=payload.registrations, by=request.user, resend=payload.resend
    )
    return {"sent": result.sent, "skipped": result.skipped, "message": result.message()}


@router.get(
    "/events/{slug}/invitations", response=answers({200: list[InvitationStateOut]}, 403, 404)
)
def invitation_states(request, slug: str):
    event = managed_event(request, slug, "events.manage_registrations")
    rows = (
        event.registrations.confirmed()
        .filter(Q(invitation__isnull=False) | Q(person__user__isnull=False))
        .select_related("person__user", "invitation")
        .order_by("id")
    )
    out = []
    for r in rows:
        inv = getattr(r, "invitation", None)
        user = r.person.user
        out.append(
            {
                "registration": r.pk,
                "email": r.person.email,
                "invited_at": inv.first_sent_at if inv else None,
                "last_sent_at": inv.last_sent_at if inv else None,
                "sent_count": inv.sent_count if inv else 0,
                "opened_at": inv.opened_at if inv else None,
                "signed_in": bool(user and user.last_login),
            }
        )
    return out
