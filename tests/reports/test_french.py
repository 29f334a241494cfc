"""The dashboard's strings are in the French catalogue of reports, and the page renders in French."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import trans_real

from tests.reports import dataset

CATALOGUE = (
    Path(__file__).resolve().parents[2] / "src/maillage/reports/locale/fr/LC_MESSAGES/django.po"
)


@pytest.fixture
def french():
    call_command("compiletranslations", verbosity=0)
    trans_real._translations = {}
    yield
    trans_real._translations = {}
    translation.deactivate()  # the French requests leave French active in this thread


def test_dashboard_strings_are_translated():
    from maillage.reports.figures import HEADLINE_LABELS

    po = polib.pofile(str(CATALOGUE))
    translated = {e.msgid for e in po.translated_entries()}
    with translation.override("en"):
        labels = [str(label) for label in HEADLINE_LABELS.values()]
    assert set(labels) <= translated
    assert "Download the data (CSV)" in translated


def test_dashboard_in_french(client, db, french):
    world = dataset.build()
    client.force_login(world.staff)
    client.cookies["django_language"] = "fr"
    page = client.get(
        reverse("reports:dashboard"),
        {"organisation": world.park.pk, "year": 2025},
        headers={"Accept-Language": "fr"},
    ).content.decode()
    assert "Événements tenus" in page and "Accords signés" in page
    assert "Télécharger les données (CSV)" in page
    assert "Chiffres de 2025, comparés à 2024." in page
    rows = client.get(
        reverse("reports:csv", args=["meetings"]),
        {"organisation": world.park.pk, "year": 2025},
        headers={"Accept-Language": "fr"},
    ).content.decode()
    assert rows.splitlines()[0] == "Étape,Rendez-vous"
