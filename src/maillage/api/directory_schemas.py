"""Request and response shapes of the directory API (see maillage.api.ecosystem)."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Field, Schema
from pydantic import field_validator

from maillage.api.errors import invalid
from maillage.api.texts import MAX_ITEMS, Code, Line, Text
from maillage.ecosystem import selectors
from maillage.ecosystem.enums import OrganisationKind, OrganisationSubtype, SizeBand
from maillage.ecosystem.models import Organisation, Sector
from maillage.ecosystem.text import is_country_code


def _country(value: str | None) -> str | None:
    if value is None or value == "":
        return value
    if not is_country_code(value):
        raise ValueError(
            f"unknown country code {value!r}; use an ISO 3166 alpha-2 code such as FR, CN or US"
        )
    return value.upper()


class OrganisationOut(Schema):
    slug: str
    name: str
    kind: str
    subtype: str
    aliases: list[str]
    description_en: str
    description_fr: str
    website: str
    country: str
    city: str
    address: str
    latitude: float | None
    longitude: float | None
    sectors: list[str]
    parent: str | None
    host_park: str | None
    size_band: str
    founded_year: int | None
    url: str
    updated_at: datetime

    @staticmethod
    def resolve_aliases(obj) -> list[str]:
        return obj.alias_list

    @staticmethod
    def resolve_sectors(obj) -> list[str]:
        return [s.code for s in obj.sectors.all()]

    @staticmethod
    def resolve_parent(obj) -> str | None:
        return obj.parent.slug if obj.parent_id else None

    @staticmethod
    def resolve_host_park(obj) -> str | None:
        return obj.host_park.slug if obj.host_park_id else None

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


class OrganisationPage(Schema):
    page: int
    next: str | None
    previous: str | None
    items: list[OrganisationOut]


class OrganisationPatch(Schema):
    """Fields to change; fields left out stay as they are."""

    model_config = {"extra": "forbid"}

    name: str | None = Field(None, min_length=1, max_length=200)
    aliases: list[Line] | None = Field(None, max_length=MAX_ITEMS)
    kind: OrganisationKind | None = None
    subtype: OrganisationSubtype | None = None
    description_en: Text | None = None
    description_fr: Text | None = None
    website: str | None = Field(None, max_length=200)
    country: str | None = Field(None, description="ISO 3166 alpha-2 code, e.g. FR", max_length=2)
    city: str | None = Field(None, max_length=120)
    address: str | None = Field(None, max_length=255)
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    sectors: list[Code] | None = Field(
        None, description="sector codes, see GET /sectors", max_length=MAX_ITEMS
    )
    parent: str | None = Field(None, description="slug of the parent organisation", max_length=200)
    host_park: str | None = Field(None, description="slug of the host park", max_length=200)
    size_band: SizeBand | None = None
    founded_year: int | None = Field(None, ge=1000, le=2100)

    @field_validator("country")
    @classmethod
    def check_country(cls, value):
        return _country(value)


class OrganisationIn(OrganisationPatch):
    name: str = Field(..., min_length=1, max_length=200)
    kind: OrganisationKind
    country: str = Field(..., description="ISO 3166 alpha-2 code, e.g. FR", max_length=2)


class SectorOut(Schema):
    code: str
    name_en: str
    name_fr: str
    parent: str | None

    @staticmethod
    def resolve_parent(obj) -> str | None:
        return obj.parent.code if obj.parent_id else None


class NetworkOut(Schema):
    slug: str
    name: str
    country: str
    member_count: int
    url: str

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


class MemberOut(Schema):
    slug: str
    name: str
    kind: str
    country: str
    role: str
    since: date | None


class MemberPage(Schema):
    page: int
    next: str | None
    previous: str | None
    items: list[MemberOut]


class PersonOrganisationOut(Schema):
    slug: str
    name: str
    job_title: str


class PersonOut(Schema):
    id: int
    first_name: str
    last_name: str
    languages: str
    bio: str
    email: str | None
    organisations: list[PersonOrganisationOut]


class PersonPage(Schema):
    page: int
    next: str | None
    previous: str | None
    items: list[PersonOut]


class DirectoryFilters(Schema):
    q: Line = ""
    kind: OrganisationKind | None = None
    sector: str = Field(
        "", description="sector code; a filière includes its specialities", max_length=64
    )
    country: str = Field("", description="ISO 3166 alpha-2 code", max_length=2)
    park: str = Field("", description="slug of the host park", max_length=200)
    network: str = Field(
        "", description="slug of a network the organisation is a member of", max_length=200
    )
    page: int = Field(1, ge=1, le=1_000_000)
    page_size: int = Field(selectors.PAGE_SIZE, ge=1, le=selectors.MAX_PAGE_SIZE)

    @field_validator("country")
    @classmethod
    def check_country(cls, value):
        return _country(value)

    def directory_query(self) -> selectors.DirectoryQuery:
        """The search these filters ask for; 422 naming a filter that names nothing."""
        if self.sector and not Sector.objects.filter(code=self.sector).exists():
            raise invalid(
                "sector", f"unknown sector code {self.sector!r}; see GET /api/v1/sectors", "query"
            )
        for name in ("park", "network"):
            slug = getattr(self, name)
            kind = OrganisationKind.PARK if name == "park" else OrganisationKind.NETWORK
            if slug and not Organisation.objects.filter(slug=slug, kind=kind).exists():
                raise invalid(name, f"no {name} has the slug {slug!r}", "query")
        return selectors.DirectoryQuery(
            q=self.q,
            kind=self.kind.value if self.kind else "",
            sector=self.sector,
            country=self.country,
            park=self.park,
            network=self.network,
        )
