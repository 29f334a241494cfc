"""Text folding for accent- and case-insensitive search and matching."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

import pycountry
from django.utils.text import slugify
from unidecode import unidecode

_NON_WORD = re.compile(r"[^a-z0-9]+")
_COMBINING = re.compile(r"[\u0300-\u036f]+")  # accents left apart by NFKD


def _ascii(value: str) -> str:
    # Latin accents come off with NFKD at C speed; unidecode (pure Python, a call per
    # character) only sees what is left, such as 'œ', 'ß', dashes or non-Latin scripts.
    if value.isascii():
        return value
    stripped = _COMBINING.sub("", unicodedata.normalize("NFKD", value))
    return stripped if stripped.isascii() else unidecode(stripped)


def fold(value: str) -> str:
    """'Génopole — Évry' -> 'genopole evry'."""
    return " ".join(_NON_WORD.sub(" ", _ascii(value or "").lower()).split())


def name_key(name: str) -> str:
    """Key used to recognise the same organisation again on import (with the country)."""
    return fold(name)


def website_domain(url: str) -> str:
    if not url:
        return ""
    if "://" not in url:
        url = "http://" + url
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def is_country_code(code: str) -> bool:
    return (
        bool(code) and len(code) == 2 and pycountry.countries.get(alpha_2=code.upper()) is not None
    )


def unique_slug(model, name: str, max_length: int = 200) -> str:
    base = slugify(unidecode(name))[:max_length] or "organisation"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug
