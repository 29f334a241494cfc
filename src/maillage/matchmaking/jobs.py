"""PDFs of the meetings made on a worker (``maillage.core.jobs``, "files" queue): one
participant's agenda, every agenda of a session, the table plan of each slot."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from maillage.core.jobs import Outcome, job_kind
from maillage.matchmaking.models import MeetingSession, Participant
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
    document = printouts.agenda_document(participant, url=url)
    if document is None:  # the published schedule was withdrawn meanwhile
        return Outcome(summary={"nothing": True}, failed=True)
    return Outcome(file_name=document.file_name, content=document.content)


@job_kind(title=lambda: _("All agendas (PDF)"), template=PDF)
def all_agendas_pdf(job) -> Outcome:
    session = MeetingSession.objects.select_related("event").get(pk=job.params["session_id"])
    document = printouts.all_agendas_document(session)
    if document is None:
        return Outcome(summary={"nothing": True}, failed=True)
    return Outcome(file_name=document.file_name, content=document.content)


@job_kind(title=lambda: _("Table plan (PDF)"), template=PDF)
def table_plan_pdf(job) -> Outcome:
    session = MeetingSession.objects.select_related("event").get(pk=job.params["session_id"])
    document = printouts.table_plan_document(session)
    return Outcome(file_name=document.file_name, content=document.content)
