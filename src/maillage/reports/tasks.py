"""Background tasks of reports: thin, each loads by id and calls one service."""

from __future__ import annotations

from django_tasks import task

from maillage.reports.yearly import generation


@task(queue_name="files")
def generate_yearly_pdf(*, report_id: int) -> None:
    generation.generate_pdf(report_id=report_id)
