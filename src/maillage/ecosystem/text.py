"""Text folding for accent- and case-insensitive search and matching."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pycountry
from django.utils.text import slugify
from unidecode import unidecode

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(value: str) -> str:
    """'Génopole — Évry' -> 'genopole evry'."""
    return " ".join(_NON_WORD.sub(" ", unidecode(value or "").lower()).split())


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
    return bool(code) and len(code) == 2 and pycountry.countries.get(alpha_2=code.upper()) is not None


def unique_slug(model, name: str, max_length: int = 200) -> str:
    base = slugify(unidecode(name))[:max_length] or "organisation"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug
