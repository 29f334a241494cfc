"""Every string of partnerships and soft landing is translated, and pages render in French."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.urls import reverse

SRC = Path(__file__).resolve().parents[2] / "src" / "maillage"


@pytest.mark.parametrize("app", ["partnerships", "softlanding"])
def test_catalogue_is_complete(app):
    po = polib.pofile(str(SRC / app / "locale" / "fr" / "LC_MESSAGES" / "django.po"))
    untranslated = [e.msgid for e in po.untranslated_entries()] + [
        e.msgid for e in po.fuzzy_entries()
    ]
    assert untranslated == []
    assert po.percent_translated() == 100


def test_pages_in_french(client, compiled_catalogues, agreement, sophia_staff):
    client.force_login(sophia_staff)
    client.cookies["django_language"] = "fr"
    page = client.get(
        agreement.get_absolute_url(), headers={"Accept-Language": "fr"}
    ).content.decode()
    assert "Engagements" in page and "Jumelage (parcs jumeaux)" in page and "En négociation" in page
    page = client.get(
        reverse("partnerships:network"), headers={"Accept-Language": "fr"}
    ).content.decode()
    assert "Carte du réseau" in page
    page = client.get(
        reverse("softlanding:programmes"), headers={"Accept-Language": "fr"}
    ).content.decode()
    assert "Programmes de soft landing" in page
