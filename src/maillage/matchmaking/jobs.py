"""PDFs of the meetings made on a worker (``maillage.core.jobs``, "files" queue): one
participant's agenda, every agenda of a session, the table plan of each slot."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from maillage.core.jobs import Outcome, job_kind
from maillage.matchmaking.models import MeetingSession, Participant
from maillage.matchmaking.selectors.agendas import agenda_of, agendas_of_session, table_plans
from maillage.matchmaking.services import printouts

PDF = "core/jobs/_pdf.html"


@job_kind(title=lambda: _("Agenda (PDF)"), template=PDF)
def agenda_pdf(job) -> Outcome:
    participant = Participant.objects.select_related(
        "session__event", "registration__person", "registration__organisation"
    ).get(pk=job.params["participant_id"])
    session = participant.session
    url = settings.SITE_URL + reverse(
        "matchmaking:participant_agenda", args=[session.pk, participant.pk]
    )
    agenda = agenda_of(participant, url=url)
    if agenda is None:  # the published schedule was withdrawn meanwhile
        return Outcome(summary={"nothing": True}, failed=True)
    return Outcome(
        file_name=printouts.file_name(session.event.slug, agenda.person.name) + ".pdf",
        content=printouts.agendas_pdf([agenda], title=session.event.title),
    )


@job_kind(title=lambda: _("All agendas (PDF)"), template=PDF)
def all_agendas_pdf(job) -> Outcome:
    session = MeetingSession.objects.select_related("event").get(pk=job.params["session_id"])
    agendas = agendas_of_session(session)
    if not agendas:
        return Outcome(summary={"nothing": True}, failed=True)
    return Outcome(
        file_name=printouts.file_name(session.event.slug, session.name, "agendas") + ".pdf",
        content=printouts.agendas_pdf(agendas, title=session.event.title),
    )


@job_kind(title=lambda: _("Table plan (PDF)"), template=PDF)
def table_plan_pdf(job) -> Outcome:
    session = MeetingSession.objects.select_related("event").get(pk=job.params["session_id"])
    plans = table_plans(session)
    return Outcome(
        file_name=printouts.file_name(session.event.slug, session.name, "tables") + ".pdf",
        content=printouts.table_plan_pdf(
            plans,
            title=f"{session.event.title} — {session.name}",
            time_zone=session.event.time_zone,
        ),
    )
