"""Background tasks of reports: thin, each loads by id and calls one service."""

from __future__ import annotations

from django_tasks import task


@task()
def generate_yearly_pdf(*, report_id: int) -> None:
    from maillage.reports import yearly

    yearly.generate_pdf(report_id=report_id)
