"""The demo gives the dashboards of its staff real figures (the demo park and the demo network)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.utils import timezone

from maillage.demo import ecosystem as ecosystem_demo
from maillage.demo import events as events_demo
from maillage.demo import partnerships as partnerships_demo
from maillage.demo import softlanding as softlanding_demo
from maillage.ecosystem.models import Organisation
from maillage.reports.figures import compute_figures

pytestmark = pytest.mark.django_db


def test_demo_park_and_network_have_figures():
    out = io.StringIO()
    for demo in (ecosystem_demo, events_demo, partnerships_demo, softlanding_demo):
        demo.load(out)
    park = Organisation.objects.get(name="Technopôle de Château-Gombert")
    network = Organisation.objects.get(name="Club des Technopoles de l'Axe Seine")
    year = timezone.localdate().year
    this_year = compute_figures(scope=park, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))
    assert this_year.delegations.incoming == 1
    assert this_year.foreign_countries >= 1
    assert this_year.directory.added > 0  # the demo directory is created today
    y2025 = compute_figures(scope=park, start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))
    assert y2025.events.held >= 2 and y2025.events.participants > 0
    axe_seine = compute_figures(scope=network, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))
    assert len(axe_seine.member_ids) == 4
    assert axe_seine.directory.added > 0
    inovallee = Organisation.objects.get(name="inovallée")
    landing = compute_figures(scope=inovallee, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))
    assert landing.softlanding.applications > 0
