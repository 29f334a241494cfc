"""Reads of the directory: the organisation search shared by the pages, the exports and the API.

The search avoids COUNT(*) over the whole result set: a page fetches one row more than it shows
to know whether a next page exists, and totals are counted only up to COUNT_CAP.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Exists, F, Func, OuterRef, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from maillage.ecosystem import search
from maillage.ecosystem.enums import OrganisationKind
from maillage.ecosystem.models import Affiliation, Membership, Organisation, Person, Sector
from maillage.ecosystem.rules import managed_organisation_ids
from maillage.ecosystem.text import fold

PAGE_SIZE = 25
MAX_PAGE_SIZE = 100
COUNT_CAP = 1000
MAP_POINTS_CAP = 2000


@dataclass(frozen=True)
class DirectoryQuery:
    """What a directory search asks for; every field comes straight from the query string."""

    q: str = ""
    kind: str = ""
    sector: str = ""  # Sector.code; a filière includes its specialities
    country: str = ""  # ISO 3166 alpha-2
    park: str = ""  # slug of the host park
    network: str = ""  # slug of a network the organisation is a member of

    @property
    def words(self) -> list[str]:
        return fold(self.q).split()

    @property
    def is_empty(self) -> bool:
        return not any(
            [self.q.strip(), self.kind, self.sector, self.country, self.park, self.network]
        )


@dataclass
class Page:
    items: list
    number: int
    size: int
    has_next: bool
    extra: dict = field(default_factory=dict)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def start_index(self) -> int:
        return (self.number - 1) * self.size + 1 if self.items else 0

    @property
    def end_index(self) -> int:
        return (self.number - 1) * self.size + len(self.items)


def search_organisations(query: DirectoryQuery) -> QuerySet[Organisation]:
    """Organisations matching the query, best first (name match above description match, then
    by name), or the whole directory by name when there is no text."""
    qs = Organisation.objects.all()
    words = query.words
    if query.q.strip() and connection.vendor == "sqlite":
        # With a text, SQLite must read the full-text index first and fetch the organisations
        # it names; given an index on kind or country it would rather walk that one and run
        # the text search again for every row (seconds). Unary + keeps these columns off it.
        kind, country = (
            Func(F("kind"), template="+%(expressions)s"),
            Func(F("country"), template="+%(expressions)s"),
        )
        qs = qs.alias(kind_scanned=kind, country_scanned=country)
        if query.kind:
            qs = qs.filter(kind_scanned=query.kind)
        if query.country:
            qs = qs.filter(country_scanned=query.country.upper())
    else:
        if query.kind:
            qs = qs.filter(kind=query.kind)
        if query.country:
            qs = qs.filter(country=query.country.upper())
    if query.park:
        qs = qs.filter(host_park__slug=query.park)
    # Sector and network filters are uncorrelated IN (subquery): evaluated once, not per row.
    if query.sector:
        # Sector ids first (a tiny query): with `sector_id IN (ids)` the through table is read
        # through its sector index, where a join on the codes would scan all of it.
        ids = list(
            Sector.objects.filter(Q(code=query.sector) | Q(parent__code=query.sector)).values_list(
                "id", flat=True
            )
        )
        tagged = Organisation.sectors.through.objects.filter(sector_id__in=ids)
        if query.park or query.network:
            # A park or network leaves a few hundred rows: check each one's sectors by index.
            qs = qs.filter(Exists(tagged.filter(organisation_id=OuterRef("pk"))))
        else:
            qs = qs.filter(pk__in=tagged.values("organisation_id"))
    if query.network:
        today = timezone.localdate()
        links = Membership.objects.filter(network__slug=query.network).filter(
            Q(until__isnull=True) | Q(until__gte=today)
        )
        qs = qs.filter(pk__in=links.values("member_id"))
    if query.q.strip():
        # Full-text index, ranked (maillage.ecosystem.search); a query of punctuation only or
        # far too long matches nothing.
        return search.match(qs, query.q, words)
    # name_key is the folded name ("Évry" sorts with E) and is indexed: a first page of
    # the whole directory reads 26 index entries instead of sorting every organisation.
    return qs.order_by("name_key", "pk")


def with_listing_relations(qs: QuerySet[Organisation]) -> QuerySet[Organisation]:
    """What a result row shows: host park and sectors, in two extra queries for the whole page."""
    return qs.select_related("host_park").prefetch_related(
        Prefetch("sectors", queryset=Sector.objects.order_by("name_en"))
    )


def paginate(qs: QuerySet, *, page: int = 1, size: int = PAGE_SIZE, load=None) -> Page:
    """One page of `qs`, and whether another follows (one row more is fetched, nothing counted).

    The ordering runs over primary keys only, then the page's rows are loaded by key (through
    `load`, which adds select_related/prefetch_related): sorting whole rows of a large table
    would carry every description through the sort."""
    page = max(1, page)
    size = max(1, min(size, MAX_PAGE_SIZE))
    offset = (page - 1) * size
    ids = list(qs.values_list("pk", flat=True)[offset : offset + size + 1])
    rows = qs.model._default_manager.filter(pk__in=ids[:size])
    if load is not None:
        rows = load(rows)
    by_id = {row.pk: row for row in rows}
    items = [by_id[pk] for pk in ids[:size] if pk in by_id]
    return Page(items=items, number=page, size=size, has_next=len(ids) > size)


def page_count(qs: QuerySet, page: Page, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """How many results in all, known without a query when this page is the last one."""
    if not page.has_next:
        return (page.number - 1) * page.size + len(page.items), False
    return capped_count(qs, cap)


def capped_count(qs: QuerySet, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """How many results, counting at most `cap` + 1 rows: (count, True when there are more)."""
    n = qs.order_by()[: cap + 1].count()
    return min(n, cap), n > cap


def map_points(qs: QuerySet[Organisation], cap: int = MAP_POINTS_CAP) -> list[dict]:
    """Located organisations of a search, at most `cap` (a sample, in no particular order:
    sorting them would cost more than drawing them), as plain dicts for the map."""
    rows = (
        qs.filter(latitude__isnull=False, longitude__isnull=False)
        .order_by()
        .values("slug", "name", "kind", "city", "latitude", "longitude")[:cap]
    )
    return list(rows)


def directory_map(qs: QuerySet[Organisation]) -> dict:
    """The map of a search: its located organisations with their page's address, and whether
    there were more than the map draws."""
    points = map_points(qs)
    # One reverse() for all points: the addresses differ only by the slug.
    template = reverse("ecosystem:organisation", kwargs={"slug": "slug-placeholder"})
    for point in points:
        point["url"] = template.replace("slug-placeholder", point.pop("slug"))
    return {"points": points, "capped": len(points) >= MAP_POINTS_CAP, "cap": MAP_POINTS_CAP}


def organisation_detail(slug: str) -> Organisation:
    """One organisation with what its page shows (raises Organisation.DoesNotExist)."""
    return (
        Organisation.objects.select_related("parent", "host_park")
        .prefetch_related(
            Prefetch(
                "sectors", queryset=Sector.objects.select_related("parent").order_by("name_en")
            )
        )
        .get(slug=slug)
    )


def units(organisation: Organisation, limit: int = 50) -> list[Organisation]:
    return list(organisation.units.order_by("name")[:limit])


def hosted(organisation: Organisation, limit: int = 50) -> tuple[list[Organisation], bool]:
    rows = list(organisation.hosted.order_by("name")[: limit + 1])
    return rows[:limit], len(rows) > limit


def networks_of(organisation: Organisation) -> list[Membership]:
    today = timezone.localdate()
    return list(
        Membership.objects.filter(member=organisation)
        .filter(Q(until__isnull=True) | Q(until__gte=today))
        .select_related("network")
        .order_by("network__name")
    )


def members_of(network: Organisation, limit: int = 50) -> tuple[list[Membership], bool]:
    if network.kind != OrganisationKind.NETWORK:
        return [], False
    today = timezone.localdate()
    rows = list(
        Membership.objects.filter(network=network)
        .filter(Q(until__isnull=True) | Q(until__gte=today))
        .select_related("member")
        .order_by("member__name")[: limit + 1]
    )
    return rows[:limit], len(rows) > limit


def public_affiliations(organisation: Organisation) -> list[Affiliation]:
    """People of an organisation who agreed to appear in the public directory."""
    return list(
        Affiliation.objects.filter(organisation=organisation, person__public_consent=True)
        .select_related("person")
        .order_by("person__last_name", "person__first_name")
    )


def visible_people(user) -> QuerySet[Person]:
    """People a user may list: those who consented, plus everyone of the organisations a staff
    user manages; a platform admin sees everybody."""
    qs = Person.objects.all()
    if user is not None and user.is_authenticated and user.is_active and user.is_superuser:
        return qs
    managed = managed_organisation_ids(user) if user is not None else set()
    condition = Q(public_consent=True)
    if managed:
        condition |= Exists(
            Affiliation.objects.filter(person_id=OuterRef("pk"), organisation_id__in=managed)
        )
    return qs.filter(condition)


def networks() -> QuerySet[Organisation]:
    return Organisation.objects.filter(kind=OrganisationKind.NETWORK).order_by("name")


def parks() -> QuerySet[Organisation]:
    return Organisation.objects.filter(kind=OrganisationKind.PARK).order_by("name")


def sectors() -> list[Sector]:
    """Filières, each followed by its specialities."""
    rows = list(Sector.objects.select_related("parent").order_by("name_en"))
    roots = [s for s in rows if s.parent_id is None]
    children: dict[int, list[Sector]] = {}
    for s in rows:
        if s.parent_id is not None:
            children.setdefault(s.parent_id, []).append(s)
    ordered: list[Sector] = []
    for root in roots:
        ordered.append(root)
        ordered.extend(children.get(root.id, []))
    return ordered
