"""The demo holds yearly report drafts whose figures come from the other demo data."""

from __future__ import annotations

import io

from django.utils import timezone

from maillage.demo import ecosystem as ecosystem_demo
from maillage.demo import events as events_demo
from maillage.demo import reports as reports_demo
from maillage.reports.models import ReportStatus, YearlyReport
from maillage.reports.yearly.document import render_html


def test_demo_drafts_show_the_demo_figures_and_reloading_keeps_staff_text(db):
    out = io.StringIO()
    ecosystem_demo.load(out)
    events_demo.load(out)
    reports_demo.load(out)
    year = timezone.localdate().year
    drafts = YearlyReport.objects.select_related("organisation", "edited_by")
    assert {(r.organisation.name, r.language, r.year) for r in drafts} == {
        ("Technopôle de Château-Gombert", "fr", year),
        ("Club des Technopoles de l'Axe Seine", "en", year),
    }
    gombert = drafts.get(language="fr")
    assert gombert.status == ReportStatus.DRAFT
    assert gombert.edited_by.email == "staff@chateau-gombert.example"
    assert gombert.introduction.startswith("Cette année, le Technopôle de Château-Gombert")

    html = render_html(gombert)
    assert "Cette année, le Technopôle de Château-Gombert" in html
    assert "12/14" in html  # its lunches of the year, from the events demo

    gombert.introduction = "Texte réécrit par l'équipe."
    gombert.save()
    reports_demo.load(out)
    gombert.refresh_from_db()
    assert gombert.introduction == "Texte réécrit par l'équipe."
    assert YearlyReport.objects.count() == 2
