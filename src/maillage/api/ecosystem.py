"""Directory API: organisations (search, read, create, change), people, sectors and networks."""

from __future__ import annotations

from urllib.parse import urlencode

from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router, Status
from ninja.errors import HttpError

from maillage.api.auth import WRITE_AUTH
from maillage.api.directory_schemas import (
    DirectoryFilters,
    MemberPage,
    NetworkOut,
    OrganisationIn,
    OrganisationOut,
    OrganisationPage,
    OrganisationPatch,
    PersonPage,
    SectorOut,
)
from maillage.api.errors import answers, invalid
from maillage.ecosystem import selectors, services
from maillage.ecosystem.enums import OrganisationKind
from maillage.ecosystem.models import Affiliation, Membership, Organisation, Sector
from maillage.ecosystem.rules import managed_organisation_ids

router = Router(tags=["directory"])

# ---- helpers -----------------------------------------------------------------------------------


def _page_links(request, page) -> tuple[str | None, str | None]:
    params = request.GET.copy()

    def link(number: int) -> str:
        params["page"] = str(number)
        return request.build_absolute_uri(request.path) + "?" + urlencode(list(params.items()))

    return (
        link(page.number + 1) if page.has_next else None,
        link(page.number - 1) if page.has_previous else None,
    )


def _paged(request, page) -> dict:
    next_link, previous_link = _page_links(request, page)
    return {"page": page.number, "next": next_link, "previous": previous_link, "items": page.items}


def _api_relations(qs):
    return qs.select_related("parent", "host_park").prefetch_related(
        Prefetch("sectors", queryset=Sector.objects.order_by("code"))
    )


def _organisations():
    return _api_relations(Organisation.objects.all())


def _resolve_fields(data: dict, user) -> dict:
    """Turns codes and slugs of a request body into objects; names the field of anything unknown."""
    fields = dict(data)
    if "aliases" in fields:
        fields["aliases"] = "\n".join(a.strip() for a in fields["aliases"] or [] if a.strip())
    for name in ("kind", "subtype", "size_band"):
        if name in fields:
            fields[name] = fields[name].value if fields[name] is not None else ""
    for name in ("description_en", "description_fr", "website", "city", "address"):
        if name in fields and fields[name] is None:
            fields[name] = ""
    if fields.get("sectors") is not None:
        codes = list(dict.fromkeys(fields["sectors"]))
        found = list(Sector.objects.filter(code__in=codes))
        unknown = sorted(set(codes) - {s.code for s in found})
        if unknown:
            raise invalid(
                "sectors", f"unknown sector code(s): {', '.join(unknown)}; see GET /api/v1/sectors"
            )
        fields["sectors"] = found
    elif "sectors" in fields:
        fields["sectors"] = []
    for name, kind in (("parent", None), ("host_park", OrganisationKind.PARK)):
        slug = fields.get(name)
        if slug:
            qs = Organisation.objects.filter(slug=slug)
            if kind:
                qs = qs.filter(kind=kind)
            target = qs.first()
            if target is None:
                what = "park" if kind else "organisation"
                raise invalid(name, f"no {what} has the slug {slug!r}")
            fields[name] = target
        elif name in fields:
            fields[name] = None
    park = fields.get("host_park")
    if park is not None and not user.is_superuser and park.pk not in managed_organisation_ids(user):
        raise HttpError(403, "You may only place organisations in a park you manage.")
    return fields


# ---- organisations -----------------------------------------------------------------------------


@router.get(
    "/organisations", response=answers({200: OrganisationPage}), summary="Search the directory"
)
def list_organisations(request, filters: Query[DirectoryFilters]):
    query = filters.directory_query()
    qs = selectors.search_organisations(query)
    page = selectors.paginate(qs, page=filters.page, size=filters.page_size, load=_api_relations)
    return _paged(request, page)


@router.get(
    "/organisations/{slug}",
    response=answers({200: OrganisationOut}, 404),
    summary="One organisation",
)
def get_organisation(request, slug: str):
    return get_object_or_404(_organisations(), slug=slug)


@router.post(
    "/organisations",
    response=answers({201: OrganisationOut}, 401, 403),
    auth=WRITE_AUTH,
    summary="Add an organisation (park or network staff, platform admins)",
)
def create_organisation(request, payload: OrganisationIn):
    user = request.auth
    if not user.has_perm("ecosystem.add_organisation"):
        raise HttpError(
            403, "Only park or network staff and platform admins may add organisations."
        )
    fields = _resolve_fields(payload.model_dump(exclude_unset=True), user)
    with transaction.atomic():
        organisation = services.create_organisation(by=user, **fields)
    return Status(201, _organisations().get(pk=organisation.pk))


@router.patch(
    "/organisations/{slug}",
    response=answers({200: OrganisationOut}, 401, 403, 404),
    auth=WRITE_AUTH,
    summary="Change an organisation (staff of a park or network that manages it, admins)",
)
def update_organisation(request, slug: str, payload: OrganisationPatch):
    user = request.auth
    organisation = get_object_or_404(Organisation, slug=slug)
    if not user.has_perm("ecosystem.change_organisation", organisation):
        raise HttpError(
            403, "You may not change this organisation: your park or network does not manage it."
        )
    fields = _resolve_fields(payload.model_dump(exclude_unset=True), user)
    with transaction.atomic():
        organisation = services.update_organisation(organisation, by=user, **fields)
    return _organisations().get(pk=organisation.pk)


# ---- people, sectors, networks -----------------------------------------------------------------


@router.get("/people", response=answers({200: PersonPage}), summary="People of the directory")
def list_people(
    request,
    organisation: str = Query("", description="slug of an organisation", max_length=200),
    page: int = Query(1, ge=1, le=1_000_000),
):
    user = request.auth
    qs = selectors.visible_people(user)
    if organisation:
        qs = qs.filter(affiliations__organisation__slug=organisation)
    qs = qs.order_by("last_name", "first_name", "pk")
    result = selectors.paginate(
        qs,
        page=page,
        load=lambda rows: rows.prefetch_related(
            Prefetch("affiliations", queryset=Affiliation.objects.select_related("organisation"))
        ),
    )
    managed = managed_organisation_ids(user)
    admin = bool(getattr(user, "is_superuser", False))
    items = []
    for person in result.items:
        links = list(person.affiliations.all())
        sees_contact = admin or any(link.organisation_id in managed for link in links)
        items.append(
            {
                "id": person.pk,
                "first_name": person.first_name,
                "last_name": person.last_name,
                "languages": person.languages,
                "bio": person.bio,
                "email": person.email if sees_contact else None,
                "organisations": [
                    {
                        "slug": link.organisation.slug,
                        "name": link.organisation.name,
                        "job_title": link.job_title,
                    }
                    for link in links
                ],
            }
        )
    result.items = items
    return _paged(request, result)


@router.get("/sectors", response=answers({200: list[SectorOut]}), summary="The sector taxonomy")
def list_sectors(request):
    return selectors.sectors()


def _active_links():
    today = timezone.localdate()
    return Q(member_links__until__isnull=True) | Q(member_links__until__gte=today)


@router.get(
    "/networks",
    response=answers({200: list[NetworkOut]}),
    summary="Networks and their number of members",
)
def list_networks(request):
    return selectors.networks().annotate(member_count=Count("member_links", filter=_active_links()))


@router.get(
    "/networks/{slug}/members",
    response=answers({200: MemberPage}, 404),
    summary="Members of a network",
)
def list_network_members(request, slug: str, page: int = Query(1, ge=1, le=1_000_000)):
    network = get_object_or_404(selectors.networks(), slug=slug)
    today = timezone.localdate()
    qs = (
        Membership.objects.filter(network=network)
        .filter(Q(until__isnull=True) | Q(until__gte=today))
        .order_by("member__name", "pk")
    )
    result = selectors.paginate(
        qs, page=page, size=selectors.MAX_PAGE_SIZE, load=lambda rows: rows.select_related("member")
    )
    result.items = [
        {
            "slug": m.member.slug,
            "name": m.member.name,
            "kind": m.member.kind,
            "country": m.member.country,
            "role": m.role,
            "since": m.since,
        }
        for m in result.items
    ]
    return _paged(request, result)
