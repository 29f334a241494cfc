"""A participant's pages: agenda (page, ICS, PDF made on a worker), people to meet, feedback after meetings.

Only the participant themself or the event's staff see an agenda (``matchmaking.rules``);
participants only ever see the last PUBLISHED schedule. Staff also get every agenda in one PDF and the
table plan per slot for the floor.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.core import jobs
from maillage.events import tokens
from maillage.events.views import visible_event_or_404
from maillage.matchmaking import jobs as meeting_jobs
from maillage.matchmaking.forms.participant import FeedbackForm
from maillage.matchmaking.models import Meeting, MeetingSession, Participant
from maillage.matchmaking.selectors.agendas import agenda_of, table_plans
from maillage.matchmaking.selectors.participants import participant_for
from maillage.matchmaking.services import calendars, feedback, printouts, profiles
from maillage.matchmaking.services.recommendations import ReasonKind


def _session_or_404(session_id: int) -> MeetingSession:
    return get_object_or_404(
        MeetingSession.objects.select_related("event__venue_organisation"), pk=session_id
    )


def _me_or_404(request, session: MeetingSession) -> Participant:
    me = participant_for(request.user, session.event, session)
    if me is None:
        raise Http404(_("You do not take part in these meetings."))
    return me


def _participant_or_denied(request, session: MeetingSession, participant_id: int) -> Participant:
    participant = get_object_or_404(
        Participant.objects.select_related("registration__person", "registration__organisation"),
        pk=participant_id,
        session=session,
    )
    participant.session = session
    if not request.user.has_perm("matchmaking.view_participant", participant):
        raise PermissionDenied(_("Only this participant and the organisers may see this agenda."))
    return participant


def _agenda_response(request, session, participant, fmt: str):
    if fmt not in ("html", "ics"):
        raise Http404(
            _(
                "Agendas come as a page or a calendar file (.ics); the PDF is made with the "
                "agenda page's PDF button."
            )
        )
    url = request.build_absolute_uri(
        reverse("matchmaking:participant_agenda", args=[session.pk, participant.pk])
    )
    agenda = agenda_of(participant, url=url)
    if fmt == "ics":
        if agenda is None:
            raise Http404(_("No schedule is published yet."))
        response = HttpResponse(
            calendars.calendar_bytes(agenda), content_type="text/calendar; charset=utf-8"
        )
        name = printouts.file_name(session.event.slug, agenda.person.name)
        response["Content-Disposition"] = f'attachment; filename="{name}.ics"'
        return response
    own = participant.registration.person.user_id == request.user.pk
    return render(
        request,
        "matchmaking/agendas/agenda.html",
        {
            "session": session,
            "event": session.event,
            "participant": participant,
            "agenda": agenda,
            "days": agenda.days() if agenda else [],
            "own": own,
            "feed_url": tokens.calendar_feed_url(participant.registration) if own else "",
            "staff": request.user.has_perm("matchmaking.manage_meetings", session.event),
        },
    )


@login_required
def my_agenda(request, session_id: int, fmt: str = "html"):
    session = _session_or_404(session_id)
    me = _me_or_404(request, session)
    me.session = session
    return _agenda_response(request, session, me, fmt)


@login_required
def participant_agenda(request, session_id: int, participant_id: int, fmt: str = "html"):
    session = _session_or_404(session_id)
    participant = _participant_or_denied(request, session, participant_id)
    return _agenda_response(request, session, participant, fmt)


def _pdf_job(request, function, back_url: str, **params):
    job = jobs.start(function, owner=request.user, params=params, back_url=back_url)
    return redirect("core:job", job_id=job.pk)


@login_required
@require_POST
def my_agenda_pdf(request, session_id: int):
    session = _session_or_404(session_id)
    me = _me_or_404(request, session)
    back = reverse("matchmaking:my_agenda", args=[session.pk])
    return _pdf_job(request, meeting_jobs.agenda_pdf, back, participant_id=me.pk)


@login_required
@require_POST
def participant_agenda_pdf(request, session_id: int, participant_id: int):
    session = _session_or_404(session_id)
    participant = _participant_or_denied(request, session, participant_id)
    back = reverse("matchmaking:participant_agenda", args=[session.pk, participant.pk])
    return _pdf_job(request, meeting_jobs.agenda_pdf, back, participant_id=participant.pk)


def agenda_feed(request, token: str):
    """The agenda as a calendar subscription. The key is the registration's calendar key
    (events/tokens.py), neither its badge code nor its personal link; a replaced key is 404."""
    registration = tokens.registration_by_key(token, tokens.Purpose.CALENDAR)
    if registration is None:
        raise Http404(_("No such calendar."))
    participant = (
        Participant.objects.filter(registration=registration)
        .select_related("session__event", "registration__person", "registration__organisation")
        .order_by("session_id")
        .first()
    )
    if participant is None:
        raise Http404(_("No meetings for this registration."))
    return _agenda_response(request, participant.session, participant, "ics")


@login_required
@require_POST
def rotate_calendar_link(request, session_id: int):
    """A new calendar subscription address; the old one stops working (e.g. a shared link)."""
    session = _session_or_404(session_id)
    me = _me_or_404(request, session)
    tokens.rotate(registration=me.registration, purpose=tokens.Purpose.CALENDAR)
    messages.success(
        request,
        _(
            "Your calendar link is replaced: the old one no longer works. Subscribe again with "
            "the new link in your calendar application."
        ),
    )
    return redirect("matchmaking:my_agenda", session_id=session.pk)


def _staff_session_or_denied(request, session_id: int) -> MeetingSession:
    session = _session_or_404(session_id)
    if not request.user.has_perm("matchmaking.manage_meetings", session.event):
        raise PermissionDenied(_("Only the organisers of this event may do this."))
    return session


@login_required
@require_POST
def all_agendas_pdf(request, session_id: int):
    session = _staff_session_or_denied(request, session_id)
    back = reverse("matchmaking:schedule", args=[session.pk])
    return _pdf_job(request, meeting_jobs.all_agendas_pdf, back, session_id=session.pk)


@login_required
def table_plan(request, session_id: int):
    session = _staff_session_or_denied(request, session_id)
    plans = table_plans(session)
    title = f"{session.event.title} — {session.name}"
    return HttpResponse(
        printouts.table_plan_html(
            plans,
            title=title,
            time_zone=session.event.time_zone,
            page_for=request,
            session_id=session.pk,
        )
    )


@login_required
@require_POST
def table_plan_pdf(request, session_id: int):
    session = _staff_session_or_denied(request, session_id)
    back = reverse("matchmaking:table_plan", args=[session.pk])
    return _pdf_job(request, meeting_jobs.table_plan_pdf, back, session_id=session.pk)


def _link(name: str, *args) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:  # the request and wish pages live in the organiser's half
        return ""


@login_required
def recommended(request, session_id: int):
    session = _session_or_404(session_id)
    me = _me_or_404(request, session)
    rows = [
        {
            "rec": r,
            "participant": person,
            "request_url": _link("matchmaking:request_send", session.pk, r.participant_id),
            "wish_url": _link("matchmaking:wish_set", session.pk, r.participant_id),
        }
        for r, person in profiles.people_to_meet(session, me, limit=20)
    ]
    return render(
        request,
        "matchmaking/recommendations.html",
        {"session": session, "event": session.event, "me": me, "rows": rows, "kinds": ReasonKind},
    )


@login_required
def my_feedback(request, session_id: int):
    session = _session_or_404(session_id)
    me = _me_or_404(request, session)
    meetings = list(feedback.past_meetings([me]))
    for m in meetings:
        given = m.my_feedback[0] if m.my_feedback else None
        initial = (
            {
                "took_place": "yes" if given.took_place else "no",
                "outcome": given.outcome,
                "comment": given.comment,
            }
            if given
            else {"took_place": "yes"}
        )
        m.form = FeedbackForm(initial=initial, prefix=f"m{m.pk}")
        m.given = given
        m.others = [s.participant for s in m.seats.all() if s.participant_id != me.pk]
    return render(
        request,
        "matchmaking/feedback/mine.html",
        {"session": session, "event": session.event, "me": me, "meetings": meetings},
    )


@login_required
@require_POST
def give_feedback(request, session_id: int, meeting_id: int):
    session = _session_or_404(session_id)
    me = _me_or_404(request, session)
    meeting = get_object_or_404(Meeting, pk=meeting_id, schedule__session=session)
    form = FeedbackForm(request.POST, prefix=f"m{meeting.pk}")
    if not form.is_valid():
        messages.error(request, _("Say whether the meeting took place and choose an outcome."))
        return redirect("matchmaking:my_feedback", session_id=session.pk)
    try:
        feedback.give_feedback(meeting=meeting, author=me, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Thank you: your feedback is saved."))
    return redirect(f"{reverse('matchmaking:my_feedback', args=[session.pk])}#meeting-{meeting.pk}")


@login_required
def feedback_rates(request, slug: str):
    event = visible_event_or_404(request, slug)
    if not request.user.has_perm("matchmaking.manage_meetings", event):
        raise PermissionDenied(_("Only the organisers of this event may see its feedback."))
    return render(
        request,
        "matchmaking/feedback/rates.html",
        {"event": event, "rates": feedback.rates(event)},
    )
