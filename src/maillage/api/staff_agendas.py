"""Matchmaking API for organisers: the paper of the day from the last PUBLISHED schedule — any
participant's agenda (JSON, calendar file, PDF), every agenda in one PDF, and the table plan of
each slot (JSON, PDF).

Agendas come from ``matchmaking.selectors.agendas`` and are rendered by the services the pages
use (``calendars`` for ICS, ``printouts`` for PDF); the PDFs are rendered in the request (the
pages make them on a worker). ``AgendaOut`` and ``agenda_json`` are public: the participants'
own agenda operations answer the same shape.
"""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers, not_found
from maillage.api.files import ICS, PDF, file_operation, file_response
from maillage.matchmaking.models import MeetingSession, Participant
from maillage.matchmaking.selectors.agendas import agenda_of, table_plans
from maillage.matchmaking.services import calendars, printouts
from maillage.matchmaking.services.agendas import Agenda, Person

router = Router(tags=["matchmaking: agendas"])


class AgendaPersonOut(Schema):
    name: str
    organisation: str
    job_title: str


class AgendaMeetingOut(Schema):
    uid: str  # stable across published versions
    starts_at: datetime
    ends_at: datetime
    with_: list[AgendaPersonOut]
    place: str  # "Table 12", or the online room's name
    video_url: str
    cancelled: bool  # in an earlier version, gone since


class FreeSlotOut(Schema):
    index: int | None
    starts_at: datetime
    ends_at: datetime


class AgendaOut(Schema):
    participant: int
    person: AgendaPersonOut
    event: str
    session: str
    time_zone: str
    venue: str
    version: int | None  # the published version shown; null: nothing is published yet
    published_at: datetime | None
    meetings: list[AgendaMeetingOut]
    free_slots: list[FreeSlotOut]


def _person(p: Person) -> dict:
    return {"name": p.name, "organisation": p.organisation, "job_title": p.job_title}


def agenda_json(agenda: Agenda | None, participant: Participant) -> dict:
    """An agenda as the API shows it; before any publication, the participant with no
    meetings (``agenda`` None)."""
    if agenda is None:
        session = participant.session
        reg = participant.registration
        return {
            "participant": participant.pk,
            "person": _person(
                Person(
                    name=str(reg.person),
                    organisation=str(reg.organisation) if reg.organisation_id else "",
                    job_title=reg.job_title,
                )
            ),
            "event": session.event.title,
            "session": session.name,
            "time_zone": session.event.time_zone,
            "venue": "",
            "version": None,
            "published_at": None,
            "meetings": [],
            "free_slots": [],
        }
    return {
        "participant": agenda.participant_id,
        "person": _person(agenda.person),
        "event": agenda.event_title,
        "session": agenda.session_name,
        "time_zone": agenda.time_zone,
        "venue": agenda.venue,
        "version": agenda.version,
        "published_at": agenda.published_at,
        "meetings": [
            {
                "uid": m.uid,
                "starts_at": m.starts_at,
                "ends_at": m.ends_at,
                "with_": [_person(p) for p in m.others],
                "place": m.place,
                "video_url": m.video_url,
                "cancelled": m.cancelled,
            }
            for m in agenda.meetings
        ],
        "free_slots": [
            {"index": f.index, "starts_at": f.starts_at, "ends_at": f.ends_at}
            for f in agenda.free_slots
        ],
    }


class PlanTableOut(Schema):
    place: str
    people: list[AgendaPersonOut]


class SlotPlanOut(Schema):
    index: int
    starts_at: datetime
    ends_at: datetime
    tables: list[PlanTableOut]


def _session(request, session_id: int) -> MeetingSession:
    session = (
        MeetingSession.objects.select_related("event__venue_organisation")
        .filter(pk=session_id)
        .first()
    )
    if session is None or not request.user.has_perm("events.view_event", session.event):
        raise not_found(_("meeting session"))
    return session


def _staff_session(request, session_id: int) -> MeetingSession:
    """The session, if the caller manages its event's meetings (as the agenda pages)."""
    session = _session(request, session_id)
    if not request.user.has_perm("matchmaking.manage_meetings", session.event):
        raise HttpError(403, _("Only the organisers of this event may do this."))
    return session


def _participant(request, session_id: int, participant_id: int) -> Participant:
    session = _session(request, session_id)
    participant = (
        Participant.objects.select_related("registration__person", "registration__organisation")
        .filter(pk=participant_id, session=session)
        .first()
    )
    if participant is None:
        raise not_found("participant")
    participant.session = session
    # The agenda's own rule, as the page's: the event's staff, or the participant themself.
    if not request.user.has_perm("matchmaking.view_participant", participant):
        raise HttpError(403, _("Only this participant and the organisers may see this agenda."))
    return participant


def _page_url(request, participant: Participant) -> str:
    return request.build_absolute_uri(
        reverse("matchmaking:participant_agenda", args=[participant.session_id, participant.pk])
    )


def _nothing_published() -> HttpError:
    return HttpError(
        409, _("No schedule is published yet: publish one, then ask for the agendas again.")
    )


@router.get(
    "/matchmaking/sessions/{session_id}/participants/{participant_id}/agenda",
    response=answers({200: AgendaOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def participant_agenda(request, session_id: int, participant_id: int):
    """A participant's agenda in the last published version (empty before any)."""
    participant = _participant(request, session_id, participant_id)
    return agenda_json(agenda_of(participant, url=_page_url(request, participant)), participant)


@router.get(
    "/matchmaking/sessions/{session_id}/participants/{participant_id}/agenda.ics",
    response=answers({200: None}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
    openapi_extra=file_operation("text/calendar"),
)
def participant_agenda_ics(request, session_id: int, participant_id: int):
    """The agenda as a calendar file; meetings cancelled since an earlier version are in it
    as cancelled, so that calendars remove them."""
    participant = _participant(request, session_id, participant_id)
    agenda = agenda_of(participant, url=_page_url(request, participant))
    if agenda is None:
        raise _nothing_published()
    name = printouts.file_name(participant.session.event.slug, agenda.person.name) + ".ics"
    return file_response(calendars.calendar_bytes(agenda), ICS, name)


@router.get(
    "/matchmaking/sessions/{session_id}/participants/{participant_id}/agenda.pdf",
    response=answers({200: None}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
    openapi_extra=file_operation(PDF),
)
def participant_agenda_pdf(request, session_id: int, participant_id: int):
    """The agenda on one A4 page."""
    participant = _participant(request, session_id, participant_id)
    document = printouts.agenda_document(participant, url=_page_url(request, participant))
    if document is None:
        raise _nothing_published()
    return file_response(document.content, PDF, document.file_name)


@router.get(
    "/matchmaking/sessions/{session_id}/agendas.pdf",
    response=answers({200: None}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
    openapi_extra=file_operation(PDF),
)
def all_agendas_pdf(request, session_id: int):
    """Every participant's agenda, one page each, by name."""
    document = printouts.all_agendas_document(_staff_session(request, session_id))
    if document is None:
        raise _nothing_published()
    return file_response(document.content, PDF, document.file_name)


@router.get(
    "/matchmaking/sessions/{session_id}/table-plan",
    response=answers({200: list[SlotPlanOut]}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def table_plan(request, session_id: int):
    """For each slot of the published schedule, each table (or room) and who sits there."""
    return [
        {
            "index": plan.index,
            "starts_at": plan.starts_at,
            "ends_at": plan.ends_at,
            "tables": [
                {"place": t.place, "people": [_person(p) for p in t.people]} for t in plan.tables
            ],
        }
        for plan in table_plans(_staff_session(request, session_id))
    ]


@router.get(
    "/matchmaking/sessions/{session_id}/table-plan.pdf",
    response=answers({200: None}, 401, 403, 404),
    auth=WRITE_AUTH,
    openapi_extra=file_operation(PDF),
)
def table_plan_pdf(request, session_id: int):
    """The table plan, one page per slot, for the floor staff."""
    document = printouts.table_plan_document(_staff_session(request, session_id))
    return file_response(document.content, PDF, document.file_name)
