"""Organiser pages to set a meeting session up: days, breaks, slots, tables, rooms, rules,
participants. Staff of the event's organisers only (``matchmaking.rules``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.events.models import Event
from maillage.matchmaking.access import managed_session
from maillage.matchmaking.forms.organiser import (
    BreakForm,
    DayForm,
    ParticipantSettingsForm,
    RoomForm,
    RuleForm,
    SessionForm,
    TablesForm,
    TypeLimitForm,
)
from maillage.matchmaking.selectors import schedules
from maillage.matchmaking.services import sessions


def _errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


@login_required
def session_list(request, slug: str):
    event = get_object_or_404(Event, slug=slug)
    if not request.user.has_perm("matchmaking.manage_meetings", event):
        raise PermissionDenied(_("Only the organisers of this event may do this."))
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        session = sessions.create_session(
            event=event, **{k: form.cleaned_data[k] for k in sessions.SETTINGS}
        )
        messages.success(request, _("Session created: now give its days and tables."))
        return redirect("matchmaking:setup", session.pk)
    rows = event.meeting_sessions.all()
    return render(
        request,
        "matchmaking/organiser/sessions.html",
        {"event": event, "sessions": rows, "form": form},
    )


SETUP_FORMS = {
    "session": SessionForm,
    "day": DayForm,
    "break": BreakForm,
    "tables": TablesForm,
    "room": RoomForm,
    "rule": RuleForm,
    "limit": TypeLimitForm,
}


def _setup_forms(session, bound: str | None = None, data=None) -> dict:
    forms = {}
    for key, cls in SETUP_FORMS.items():
        kwargs = {"session": session} if key == "break" else {}
        if key == "session":
            kwargs["instance"] = session
        if key == "tables":
            kwargs["initial"] = {"count": session.tables.count()}
        forms[key] = cls(data if key == bound else None, prefix=key, **kwargs)
    return forms


@login_required
def setup(request, session_id: int):
    session = managed_session(request, session_id)
    action = request.POST.get("action") if request.method == "POST" else None
    forms = _setup_forms(session, action, request.POST)
    if action in forms and forms[action].is_valid():
        data = forms[action].cleaned_data
        try:
            with transaction.atomic():
                _apply(session, action, data, forms[action])
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("matchmaking:setup", session.pk)
    elif action == "add_registrants":
        added = sessions.add_all_registrants(session=session)
        messages.success(
            request, _("%(count)s registrants added to the session.") % {"count": added}
        )
        return redirect("matchmaking:setup", session.pk)
    context = {
        "session": session,
        "event": session.event,
        "forms": forms,
        "days": session.days.prefetch_related("breaks"),
        "slots": session.slots.select_related("session__event").order_by("index"),
        "tables": session.tables.select_related("reserved_for__registration__person"),
        "rooms": session.online_rooms.all(),
        "rules": session.rules.all(),
        "limits": session.type_limits.all(),
        "n_participants": session.participants.count(),
    }
    return render(request, "matchmaking/organiser/setup.html", context)


def _apply(session, action, data, form) -> None:
    if action == "session":
        sessions.change_settings(
            session=session, **{k: data[k] for k in sessions.SETTINGS if k in data}
        )
    elif action == "day":
        sessions.add_day(
            session=session, date=data["date"], starts_at=data["starts_at"], ends_at=data["ends_at"]
        )
    elif action == "break":
        sessions.add_break(
            day=data["day"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            label=data["label"],
        )
    elif action == "tables":
        sessions.set_tables(session=session, count=data["count"])
    elif action == "room":
        sessions.add_online_room(session=session, name=data["name"], video_url=data["video_url"])
    elif action == "rule":
        sessions.set_rule(
            session=session, type_a=data["type_a"], type_b=data["type_b"], may_meet=data["may_meet"]
        )
    elif action == "limit":
        sessions.set_type_limit(
            session=session,
            participation_type=data["participation_type"],
            max_meetings=data["max_meetings"],
        )


@login_required
def participants(request, session_id: int):
    session = managed_session(request, session_id)
    rows = list(schedules.participants(session))
    return render(
        request,
        "matchmaking/organiser/participants.html",
        {"session": session, "event": session.event, "participants": rows},
    )


@login_required
@require_POST
def remove_day(request, session_id: int, day_id: int):
    session = managed_session(request, session_id)
    day = get_object_or_404(session.days, pk=day_id)
    try:
        sessions.remove_day(day=day)
    except ValidationError as exc:
        _errors(request, exc)
    return redirect("matchmaking:setup", session.pk)


@login_required
def participant_settings(request, session_id: int, participant_id: int):
    """How one participant meets: on site or online, their maximum, the slots they cannot do."""
    session = managed_session(request, session_id)
    participant = get_object_or_404(session.participants.with_people(), pk=participant_id)
    form = ParticipantSettingsForm(request.POST or None, instance=participant)
    if request.method == "POST" and form.is_valid():
        try:
            sessions.set_participant_settings(
                participant=participant,
                mode=form.cleaned_data["mode"],
                max_meetings=form.cleaned_data["max_meetings"],
                unavailable_slots=list(form.cleaned_data["unavailable_slots"]),
            )
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("matchmaking:participants", session.pk)
    return render(
        request,
        "matchmaking/organiser/participant.html",
        {"session": session, "event": session.event, "participant": participant, "form": form},
    )
