"""Generating a yearly report's PDF, on a worker (``reports.tasks.generate_yearly_pdf``).

Generation never damages a report already generated: the new PDF is written under a new name
first, and only once it is complete does the report point to it (in one short transaction); the
previous file is removed after that. A failure leaves the previous PDF in place and records a
sentence saying what went wrong.
"""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from maillage.reports.models import GenerationState, ReportStatus, YearlyReport
from maillage.reports.yearly.document import render_pdf

log = logging.getLogger(__name__)


def generate_pdf(*, report_id: int) -> YearlyReport | None:
    """Render the PDF and make it the report's; on failure keep the previous one."""
    claimed = YearlyReport.objects.filter(pk=report_id, generation=GenerationState.QUEUED).update(
        generation=GenerationState.RUNNING
    )
    report = YearlyReport.objects.select_related("organisation").filter(pk=report_id).first()
    if not claimed:
        return report  # deleted, or taken by a duplicate task
    try:
        content = render_pdf(report)
        name = report.pdf.storage.save(
            report.pdf.field.generate_filename(report, _file_name(report)), ContentFile(content)
        )
    except Exception as exc:  # noqa: BLE001 (whatever broke, the report says so and stays usable)
        log.exception("yearly report %s: PDF generation failed", report.pk)
        YearlyReport.objects.filter(pk=report.pk).update(
            generation=GenerationState.FAILED,
            generation_error=exc.__class__.__name__,  # the page says it in the reader's language
        )
        report.refresh_from_db()
        return report
    with transaction.atomic():
        current = YearlyReport.objects.select_for_update().filter(pk=report.pk).first()
        if current is None:  # deleted while the PDF was rendered
            report.pdf.storage.delete(name)
            return None
        previous = current.pdf.name if current.pdf else ""
        # Text edited while the PDF was rendered is not in it: the report stays a draft.
        unchanged = current.edited_at == report.edited_at
        YearlyReport.objects.filter(pk=report.pk).update(
            pdf=name,
            status=ReportStatus.GENERATED if unchanged else ReportStatus.DRAFT,
            generated_at=timezone.now(),
            generation=GenerationState.IDLE,
            generation_error="",
        )
        if previous and previous != name:
            storage = report.pdf.storage
            transaction.on_commit(lambda: storage.delete(previous))
    report.refresh_from_db()
    return report


def _file_name(report: YearlyReport) -> str:
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    return f"{report.organisation.slug}-{report.year}-{report.language}-{stamp}.pdf"
