"""Work of the events app done on a worker (``maillage.core.jobs``, "files" queue): badge PDFs
and imports of registrants from a spreadsheet."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from maillage.core import jobs
from maillage.core.jobs import Outcome, job_kind
from maillage.core.models import Job
from maillage.events import badges, selectors, services
from maillage.events.enums import RegistrationStatus
from maillage.events.models import Event
from maillage.events.registrant_import import ImportRejected


@job_kind(title=lambda: _("Badges"), template="core/jobs/_pdf.html")
def badges_pdf(job) -> Outcome:
    event = Event.objects.get(pk=job.params["event_id"])
    layout = job.params["layout"]
    rows = list(selectors.registrations(event, status=RegistrationStatus.CONFIRMED))
    return Outcome(
        summary={"count": len(rows)},
        file_name=f"{event.slug}-badges-{layout}.pdf",
        content=badges.render_pdf(event=event, registrations=rows, layout=layout),
    )


def start_badges(*, event: Event, layout: str, owner) -> Job:
    """Ask a worker for the badges of the event's confirmed registrants (an unknown layout
    gets A6)."""
    return jobs.start(
        badges_pdf,
        owner=owner,
        params={"event_id": event.pk, "layout": layout if layout in badges.LAYOUTS else "a6"},
        back_url=reverse("events:registrations", args=[event.slug]),
    )


@job_kind(title=lambda: _("Import of registrants"), template="events/jobs/_import.html")
def import_registrants(job) -> Outcome:
    """All or nothing (``services.import_registrants``): the summary lists every bad row."""
    event = Event.objects.get(pk=job.params["event_id"])
    with job.upload.open("rb") as handle:
        content = handle.read()
    try:
        created = services.import_registrants(
            event=event,
            content=content,
            filename=job.params["filename"],
            by=job.owner,
            notify=job.params["notify"],
        )
    except ImportRejected as exc:
        return Outcome(summary={"errors": [str(e) for e in exc.errors]}, failed=True)
    return Outcome(summary={"created": len(created)})
