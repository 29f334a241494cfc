"""Matchmaking API: the caller's own agenda in a session — as JSON, as a calendar file (ICS) and
as a PDF page — and the address of their calendar subscription, which they may replace.

Participants only ever see the last PUBLISHED schedule. The agenda is read by
``matchmaking.selectors.agendas`` and rendered by the services the pages use (``calendars``,
``printouts``), in the shape of the organisers' agenda operations (``AgendaOut``). The
subscription itself (``/matchmaking/agenda/<key>.ics``) is a page addressed by its key, for
calendar applications; replacing the key stops the old address.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers
from maillage.api.files import ICS, PDF, file_operation, file_response
from maillage.api.matchmaking import session_of, taking_part
from maillage.api.staff_agendas import AgendaOut, agenda_json
from maillage.events import tokens
from maillage.matchmaking.models import Participant
from maillage.matchmaking.selectors.agendas import agenda_of
from maillage.matchmaking.services import calendars, printouts

router = Router(tags=["matchmaking: agendas"])


class CalendarLinkOut(Schema):
    url: str  # subscribe to it in a calendar application; it holds a secret key


def _me(request, session_id: int) -> Participant:
    session = session_of(session_id)
    me = taking_part(request, session)
    me.session = session
    return me


def _page_url(request, me: Participant) -> str:
    return request.build_absolute_uri(reverse("matchmaking:my_agenda", args=[me.session_id]))


def _nothing_published() -> HttpError:
    return HttpError(
        409, _("No schedule is published yet: your agenda comes once the organisers publish one.")
    )


@router.get(
    "/matchmaking/sessions/{session_id}/agenda",
    response=answers({200: AgendaOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def my_agenda(request, session_id: int):
    """The caller's agenda in the last published version (no meetings before any)."""
    me = _me(request, session_id)
    return agenda_json(agenda_of(me, url=_page_url(request, me)), me)


@router.get(
    "/matchmaking/sessions/{session_id}/agenda.ics",
    response=answers({200: None}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
    openapi_extra=file_operation("text/calendar"),
)
def my_agenda_ics(request, session_id: int):
    """The caller's agenda as a calendar file; meetings cancelled since an earlier version are
    in it as cancelled, so that calendars remove them."""
    me = _me(request, session_id)
    agenda = agenda_of(me, url=_page_url(request, me))
    if agenda is None:
        raise _nothing_published()
    name = printouts.file_name(me.session.event.slug, agenda.person.name) + ".ics"
    return file_response(calendars.calendar_bytes(agenda), ICS, name)


@router.get(
    "/matchmaking/sessions/{session_id}/agenda.pdf",
    response=answers({200: None}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
    openapi_extra=file_operation(PDF),
)
def my_agenda_pdf(request, session_id: int):
    """The caller's agenda on one A4 page."""
    me = _me(request, session_id)
    document = printouts.agenda_document(me, url=_page_url(request, me))
    if document is None:
        raise _nothing_published()
    return file_response(document.content, PDF, document.file_name)


@router.get(
    "/matchmaking/sessions/{session_id}/agenda/calendar-link",
    response=answers({200: CalendarLinkOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def calendar_link(request, session_id: int):
    """The address of the caller's calendar subscription (made on first use)."""
    me = _me(request, session_id)
    return {"url": tokens.calendar_feed_url(me.registration)}


@router.post(
    "/matchmaking/sessions/{session_id}/agenda/calendar-link",
    response=answers({200: CalendarLinkOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def rotate_calendar_link(request, session_id: int):
    """A new subscription address; the old one stops working (e.g. after sharing it)."""
    me = _me(request, session_id)
    tokens.rotate(registration=me.registration, purpose=tokens.Purpose.CALENDAR)
    return {"url": tokens.calendar_feed_url(me.registration)}
