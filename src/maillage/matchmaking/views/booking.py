"""Participant pages of request mode (inbox, outbox, send, accept, decline) and wish mode
(must meet / would like / no thanks on the list of the other participants)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.events.models import Event
from maillage.matchmaking.enums import WishLevel
from maillage.matchmaking.models import MeetingRequest, MeetingSession, Participant
from maillage.matchmaking.selectors import schedules
from maillage.matchmaking.selectors.participants import participations
from maillage.matchmaking.services import requests as meeting_requests
from maillage.matchmaking.services import selfbooking, wishes


def _me(request, session_id: int) -> tuple[MeetingSession, Participant]:
    session = get_object_or_404(MeetingSession.objects.select_related("event"), pk=session_id)
    me = session.participants.of_user(request.user).with_people().first()
    if me is None:
        raise Http404(_("You do not take part in these meetings."))
    return session, me


@login_required
def inbox(request, session_id: int):
    session, me = _me(request, session_id)
    meeting_requests.expire_overdue()
    return render(
        request,
        "matchmaking/booking/requests.html",
        {
            "session": session,
            "event": session.event,
            "me": me,
            "received": schedules.inbox(me),
            "sent": schedules.outbox(me),
        },
    )


@login_required
@require_POST
def send(request, session_id: int, participant_id: int):
    session, me = _me(request, session_id)
    other = get_object_or_404(session.participants.with_people(), pk=participant_id)
    try:
        meeting_requests.send_request(
            sender=me, recipient=other, message=request.POST.get("message", "")
        )
        messages.success(
            request, _("Request sent to %(who)s.") % {"who": other.registration.person}
        )
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)
    return redirect(
        "matchmaking:wishes" if request.POST.get("from") == "wishes" else "matchmaking:requests",
        session.pk,
    )


@login_required
@require_POST
def answer(request, request_id: int, action: str):
    req = get_object_or_404(MeetingRequest.objects.select_related("session"), pk=request_id)
    session, me = _me(request, req.session_id)
    if me.id not in (req.sender_id, req.recipient_id):
        raise Http404(_("No such request."))
    try:
        if action == "accept":
            meeting = meeting_requests.accept_request(request=req, by=me)
            messages.success(
                request,
                _("Accepted: you meet at %(time)s, %(place)s.")
                % {"time": meeting.slot.label, "place": meeting.table or meeting.room},
            )
        elif action == "decline":
            meeting_requests.decline_request(request=req, by=me)
            messages.success(request, _("Request declined."))
        elif action == "cancel":
            meeting_requests.cancel_request(request=req, by=me)
            messages.success(request, _("Request withdrawn."))
        else:
            raise Http404
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)
    return redirect("matchmaking:requests", session.pk)


@login_required
def wish_list(request, session_id: int):
    session, me = _me(request, session_id)
    marks = schedules.own_wishes(me)
    rows = [(p, marks.get(p.id, "")) for p in schedules.others(me)]
    return render(
        request,
        "matchmaking/booking/wishes.html",
        {
            "session": session,
            "event": session.event,
            "me": me,
            "rows": rows,
            "levels": WishLevel.choices,
            "open": wishes.wishes_open(session),
        },
    )


@login_required
@require_POST
def wish_set(request, session_id: int, participant_id: int):
    session, me = _me(request, session_id)
    other = get_object_or_404(session.participants.with_people(), pk=participant_id)
    level = request.POST.get("level") or None
    error = None
    try:
        wishes.set_wish(author=me, target=other, level=level)
    except ValidationError as exc:
        error = " ".join(exc.messages)
    current = schedules.own_wishes(me).get(other.id, "")
    if request.htmx:
        return render(
            request,
            "matchmaking/booking/_wish_row.html",
            {
                "session": session,
                "p": other,
                "level": current,
                "levels": WishLevel.choices,
                "error": error,
                "open": True,
            },
        )
    if error:
        messages.error(request, error)
    return redirect("matchmaking:wishes", session.pk)


@login_required
def self_book(request, session_id: int, participant_id: int | None = None):
    """After publication: pick someone, see the slots where both are free, book one."""
    session, me = _me(request, session_id)
    if participant_id is None:
        return render(
            request,
            "matchmaking/booking/self_book.html",
            {"session": session, "event": session.event, "me": me, "people": schedules.others(me)},
        )
    other = get_object_or_404(schedules.others(me), pk=participant_id)
    error = None
    if request.method == "POST":
        slot = get_object_or_404(session.slots, pk=request.POST.get("slot") or 0)
        try:
            meeting = selfbooking.self_book(by=me, other=other, slot=slot)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request,
                _("Booked: you meet %(who)s at %(time)s, %(place)s.")
                % {
                    "who": other.registration.person,
                    "time": meeting.slot.label,
                    "place": meeting.table or meeting.room,
                },
            )
            return redirect("matchmaking:my_agenda", session.pk)
    try:
        slots = selfbooking.free_slots(me=me, other=other)
    except ValidationError as exc:
        slots, error = [], error or " ".join(exc.messages)
    return render(
        request,
        "matchmaking/booking/self_book.html",
        {
            "session": session,
            "event": session.event,
            "me": me,
            "other": other,
            "slots": slots,
            "error": error,
        },
        status=400 if error and request.method == "POST" else 200,
    )


@login_required
def hub(request, slug: str):
    """A registrant's way into the meetings of an event: one block per session they are in."""
    event = get_object_or_404(Event, slug=slug)
    mine = participations(request.user, event)
    if not mine:
        raise Http404(_("You do not take part in these meetings."))
    return render(request, "matchmaking/booking/hub.html", {"event": event, "participations": mine})
