"""Organiser pages of the schedule: the draft grid, optimiser runs with live progress, hand
edits (htmx forms, refusals shown), publishing, versions and the on-the-day repair."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.matchmaking.access import managed_session
from maillage.matchmaking.forms.organiser import (
    AbsentForm,
    AddMeetingForm,
    PlaceForm,
    PublishForm,
    RunForm,
)
from maillage.matchmaking.models import Meeting, ScheduleRun
from maillage.matchmaking.scheduling import release, repair, runs
from maillage.matchmaking.selectors import schedules
from maillage.matchmaking.services import editing
from maillage.matchmaking.services.sessions import ensure_draft, published_schedule


def _errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


@login_required
def schedule(request, session_id: int):
    session = managed_session(request, session_id)
    draft = ensure_draft(session)
    view = request.GET.get("view", "grid")
    run = schedules.latest_run(session)
    context = {
        "session": session,
        "event": session.event,
        "draft": draft,
        "view": view,
        "run": run,
        "run_form": RunForm(),
        "publish_form": PublishForm(),
        "add_form": AddMeetingForm(session=session, prefix="add"),
        "published": published_schedule(session),
        "n_meetings": draft.meetings.scheduled().count(),
    }
    if view == "people":
        context["people"] = schedules.by_participant(draft)
    else:
        context["grid"] = schedules.grid(session, draft)
    return render(request, "matchmaking/organiser/schedule.html", context)


@login_required
@require_POST
def run_start(request, session_id: int):
    session = managed_session(request, session_id)
    form = RunForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a time limit between 1 and 3600 seconds."))
        return redirect("matchmaking:schedule", session.pk)
    try:
        runs.start_run(
            session=session, user=request.user, time_limit=form.cleaned_data["time_limit"]
        )
    except ValidationError as exc:
        _errors(request, exc)
    return redirect("matchmaking:schedule", session.pk)


def _managed_run(request, run_id: int) -> ScheduleRun:
    run = get_object_or_404(ScheduleRun.objects.select_related("session__event"), pk=run_id)
    managed_session(request, run.session_id)
    return run


@login_required
def run_progress(request, run_id: int):
    """The progress panel, polled by htmx every two seconds while the run is not finished."""
    run = _managed_run(request, run_id)
    return render(request, "matchmaking/organiser/_run.html", {"run": run, "session": run.session})


@login_required
@require_POST
def run_stop(request, run_id: int):
    run = runs.stop_run(run=_managed_run(request, run_id))
    if request.htmx:
        return render(
            request, "matchmaking/organiser/_run.html", {"run": run, "session": run.session}
        )
    return redirect("matchmaking:schedule", run.session_id)


@login_required
@require_POST
def run_apply(request, run_id: int):
    run = _managed_run(request, run_id)
    try:
        runs.apply_best_found(run=run)
        messages.success(request, _("The best schedule found is now the draft."))
    except ValidationError as exc:
        _errors(request, exc)
    return redirect("matchmaking:schedule", run.session_id)


def _draft_meeting(request, session, meeting_id: int) -> Meeting:
    meeting = get_object_or_404(
        Meeting.objects.select_related("schedule", "slot", "table", "room"),
        pk=meeting_id,
        schedule__session=session,
    )
    return meeting


@login_required
@require_POST
def meeting_add(request, session_id: int):
    session = managed_session(request, session_id)
    form = AddMeetingForm(request.POST, session=session, prefix="add")
    if not form.is_valid():
        messages.error(request, _("Choose two participants, a slot and a table or a room."))
    else:
        d = form.cleaned_data
        try:
            editing.add_meeting(
                schedule=ensure_draft(session),
                people=[d["first"], d["second"]],
                slot=d["slot"],
                table=d["table"],
                room=d["room"],
            )
            messages.success(request, _("Meeting added."))
        except ValidationError as exc:
            _errors(request, exc)
    return redirect("matchmaking:schedule", session.pk)


@login_required
def meeting_edit(request, session_id: int, meeting_id: int):
    """One meeting's edit panel (GET, loaded by htmx) and its actions (POST)."""
    session = managed_session(request, session_id)
    meeting = _draft_meeting(request, session, meeting_id)
    form = PlaceForm(
        request.POST or None,
        session=session,
        initial={"slot": meeting.slot, "table": meeting.table, "room": meeting.room},
    )
    error = None
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action in ("lock", "unlock"):
                editing.set_locked(meeting=meeting, locked=action == "lock")
            elif action == "remove":
                editing.remove_meeting(meeting=meeting)
                messages.success(request, _("Meeting removed."))
                return redirect("matchmaking:schedule", session.pk)
            elif action == "move":
                if not form.is_valid():
                    raise ValidationError(_("Choose a slot and a table or a room."))
                d = form.cleaned_data
                editing.move_meeting(
                    meeting=meeting, slot=d["slot"], table=d["table"], room=d["room"]
                )
            elif action == "swap":
                other = _draft_meeting(request, session, int(request.POST.get("other") or 0))
                editing.swap_meetings(first=meeting, second=other)
            else:
                raise Http404
            if not request.htmx:
                messages.success(request, _("Saved."))
                return redirect("matchmaking:schedule", session.pk)
            meeting.refresh_from_db()
        except ValidationError as exc:
            error = " ".join(exc.messages)
            if not request.htmx:
                messages.error(request, error)
                return redirect("matchmaking:schedule", session.pk)
    # Swap candidates: the two participants' other meetings, and the others at the same table.
    others = (
        meeting.schedule.meetings.scheduled()
        .exclude(pk=meeting.pk)
        .filter(
            Q(participant_a__in=[meeting.participant_a_id, meeting.participant_b_id])
            | Q(participant_b__in=[meeting.participant_a_id, meeting.participant_b_id])
            | Q(table=meeting.table_id, table__isnull=False)
        )
        .with_details()
        .order_by("slot__index", "table__number")
    )
    return render(
        request,
        "matchmaking/organiser/_meeting_edit.html",
        {"session": session, "meeting": meeting, "form": form, "error": error, "others": others},
    )


@login_required
@require_POST
def publish(request, session_id: int):
    session = managed_session(request, session_id)
    form = PublishForm(request.POST)
    form.is_valid()
    try:
        version = release.publish(
            session=session,
            user=request.user,
            name=form.cleaned_data.get("name", ""),
            comment=form.cleaned_data.get("comment", ""),
        )
    except ValidationError as exc:
        _errors(request, exc)
        return redirect("matchmaking:schedule", session.pk)
    messages.success(
        request,
        _("Version %(version)s published; %(count)s participants are told what changed for them.")
        % {"version": version.version, "count": version.notices.count()},
    )
    return redirect("matchmaking:version", session.pk, version.version)


@login_required
def versions(request, session_id: int):
    session = managed_session(request, session_id)
    return render(
        request,
        "matchmaking/organiser/versions.html",
        {"session": session, "event": session.event, "versions": schedules.versions(session)},
    )


@login_required
def version(request, session_id: int, number: int):
    session = managed_session(request, session_id)
    schedule = get_object_or_404(session.schedules, version=number)
    notices = schedules.notices(schedule)
    return render(
        request,
        "matchmaking/organiser/version.html",
        {
            "session": session,
            "event": session.event,
            "schedule": schedule,
            "notices": notices,
            "grid": schedules.grid(session, schedule),
        },
    )


@login_required
def on_the_day(request, session_id: int):
    session = managed_session(request, session_id)
    form = AbsentForm(request.POST or None, session=session)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "absent" and form.is_valid():
                repair.mark_absent(
                    participant=form.cleaned_data["participant"],
                    from_slot=form.cleaned_data["from_slot"],
                )
                messages.success(request, _("Marked absent. Re-plan the day when you are ready."))
            elif action == "present":
                participant = get_object_or_404(
                    session.participants, pk=request.POST.get("participant")
                )
                repair.mark_present(participant=participant)
            elif action == "repair":
                new, summary = repair.repair_day(session=session, user=request.user)
                messages.success(
                    request,
                    _(
                        "Version %(version)s published: %(changed)s published meetings changed, %(told)s participants told."
                    )
                    % {
                        "version": new.version,
                        "changed": summary["changed_meetings"],
                        "told": summary["participants_told"],
                    },
                )
            return redirect("matchmaking:day", session.pk)
        except ValidationError as exc:
            _errors(request, exc)
    absent = schedules.absent(session)
    return render(
        request,
        "matchmaking/organiser/day.html",
        {
            "session": session,
            "event": session.event,
            "form": form,
            "absent": absent,
            "published": published_schedule(session),
        },
    )
