"""Paper for the day: agendas (one A4 page per participant) and the table plan of each slot.

Rendered from plain values (``agendas.py``) with WeasyPrint, like the events app's badges;
the ``*_document`` functions read the published schedule and give the file to download (the
jobs of ``matchmaking.jobs`` and the API call them alike).
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from unidecode import unidecode

from maillage.matchmaking.models import MeetingSession, Participant
from maillage.matchmaking.selectors.agendas import agenda_of, agendas_of_session, table_plans
from maillage.matchmaking.services.agendas import Agenda, SlotPlan

# Above this many rows (meetings, free slots and day headings) the agenda is set smaller so
# that it still holds on one page.
DENSE_ROWS = 34
VERY_DENSE_ROWS = 48


def file_name(*parts: str) -> str:
    """A download's name from its parts (event slug, person, session), ASCII and short."""
    return "-".join(slugify(unidecode(p))[:60] for p in parts if p)


def _density(agenda: Agenda) -> str:
    rows = len(agenda.meetings) + len(agenda.free_slots) + 2 * len(agenda.days())
    if rows > VERY_DENSE_ROWS:
        return "very-dense"
    return "dense" if rows > DENSE_ROWS else ""


def agendas_html(agendas: Sequence[Agenda], *, title: str) -> str:
    pages = [{"agenda": a, "days": a.days(), "density": _density(a)} for a in agendas]
    zone = agendas[0].zone if agendas else None
    with timezone.override(zone):
        return render_to_string(
            "matchmaking/agendas/agendas_pdf.html", {"pages": pages, "title": title}
        )


def agendas_pdf(agendas: Sequence[Agenda], *, title: str) -> bytes:
    """One page per agenda, in the order given."""
    # WeasyPrint takes about a second to load: only the code that renders a PDF loads it.
    from weasyprint import HTML

    return HTML(string=agendas_html(agendas, title=title)).write_pdf()


def table_plan_html(
    plans: Sequence[SlotPlan], *, title: str, time_zone: str, page_for=None, session_id=None
) -> str:
    """The plan as HTML: for the PDF, or (``page_for``: the request) as a printable page with a
    Print button and the button that asks for the PDF."""
    with timezone.override(zoneinfo.ZoneInfo(time_zone)):
        return render_to_string(
            "matchmaking/agendas/table_plan.html",
            {
                "plans": plans,
                "title": title,
                "printable_page": page_for is not None,
                "session_id": session_id,
            },
            request=page_for,
        )


def table_plan_pdf(plans: Sequence[SlotPlan], *, title: str, time_zone: str) -> bytes:
    """One page per slot: each table with the people sitting at it."""
    # WeasyPrint takes about a second to load: only the code that renders a PDF loads it.
    from weasyprint import HTML

    return HTML(string=table_plan_html(plans, title=title, time_zone=time_zone)).write_pdf()


@dataclass(frozen=True)
class Document:
    """A file made for download: its name and its bytes."""

    file_name: str
    content: bytes


def agenda_document(participant: Participant, *, url: str = "") -> Document | None:
    """One participant's agenda as a PDF, or None before any schedule is published."""
    session = participant.session
    agenda = agenda_of(participant, url=url)
    if agenda is None:
        return None
    return Document(
        file_name=file_name(session.event.slug, agenda.person.name) + ".pdf",
        content=agendas_pdf([agenda], title=session.event.title),
    )


def all_agendas_document(session: MeetingSession) -> Document | None:
    """Every agenda of the session in one PDF, or None before any schedule is published."""
    agendas = agendas_of_session(session)
    if not agendas:
        return None
    return Document(
        file_name=file_name(session.event.slug, session.name, "agendas") + ".pdf",
        content=agendas_pdf(agendas, title=session.event.title),
    )


def table_plan_document(session: MeetingSession) -> Document:
    """The table plan of each slot of the published schedule as a PDF."""
    return Document(
        file_name=file_name(session.event.slug, session.name, "tables") + ".pdf",
        content=table_plan_pdf(
            table_plans(session),
            title=f"{session.event.title} — {session.name}",
            time_zone=session.event.time_zone,
        ),
    )
