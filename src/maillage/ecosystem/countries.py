"""Country names in the current language (pycountry ships ISO 3166 names and their translations)."""

from __future__ import annotations

import gettext
from functools import cache

import pycountry
from django.utils.translation import get_language

from maillage.ecosystem.text import fold


@cache
def _translation(language: str) -> gettext.NullTranslations:
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def _language() -> str:
    return (get_language() or "en").split("-")[0]


def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=(code or "").upper()) if code else None
    if country is None:
        return code or ""
    name = getattr(country, "common_name", None) or country.name
    return _translation(_language()).gettext(name)


@cache
def _choices(language: str) -> tuple[tuple[str, str], ...]:
    tr = _translation(language)
    rows = [
        (c.alpha_2, tr.gettext(getattr(c, "common_name", None) or c.name))
        for c in pycountry.countries
    ]
    return tuple(sorted(rows, key=lambda row: fold(row[1])))


def country_choices() -> list[tuple[str, str]]:
    """(code, name) for every country, sorted by name in the current language."""
    return list(_choices(_language()))
