"""Every change to the directory goes through these functions (views, API, imports, demo)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from maillage.ecosystem import places, search_index
from maillage.ecosystem.models import Affiliation, Membership, Organisation, Person, Sector

ORGANISATION_FIELDS = {
    f.name
    for f in Organisation._meta.get_fields()
    if getattr(f, "editable", False) and not f.many_to_many and not f.auto_created
} - {"created_at", "updated_at"}


def _check(by, permission: str, obj=None) -> None:
    if by is not None and not by.has_perm(permission, obj):
        raise PermissionDenied(_("You may not change this organisation."))


def _apply(organisation: Organisation, fields: dict) -> None:
    unknown = set(fields) - ORGANISATION_FIELDS - {"parent_id", "host_park_id"}
    if unknown:
        raise TypeError(f"Unknown organisation fields: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.country = (organisation.country or "").upper()


def fill_coordinates(organisation: Organisation, *, strict: bool = False) -> None:
    """Place an organisation that has a city but no coordinates at that city's centre.

    With strict=True an unknown city is an error (imports); otherwise it stays unplaced."""
    if organisation.latitude is not None or not organisation.city or not organisation.country:
        return
    city = places.find_city(organisation.city, organisation.country)
    if city is not None:
        organisation.latitude, organisation.longitude = city.latitude, city.longitude
    elif strict:
        try:
            places.locate(organisation.city, organisation.country)
        except places.PlaceError as exc:
            raise ValidationError({"city": str(exc)}) from exc


def sectors_from_codes(codes: Iterable[str]) -> list[Sector]:
    codes = [c.strip() for c in codes if c and c.strip()]
    found = {s.code: s for s in Sector.objects.filter(code__in=codes)}
    missing = [c for c in codes if c not in found]
    if missing:
        raise ValidationError(_("Unknown sector(s): %(codes)s.") % {"codes": ", ".join(missing)})
    return [found[c] for c in codes]


@transaction.atomic
def create_organisation(
    *, by=None, sectors: Iterable[Sector] | None = None, strict_city: bool = False, **fields
) -> Organisation:
    """Create a validated organisation; `by` (a user) must be allowed to add organisations."""
    _check(by, "ecosystem.add_organisation")
    organisation = Organisation()
    _apply(organisation, fields)
    fill_coordinates(organisation, strict=strict_city)
    organisation.compute_derived_fields()
    organisation.full_clean(exclude=["slug"])
    organisation.save()
    search_index.index_organisations([organisation.pk])
    if sectors is not None:
        organisation.sectors.set(sectors)
    return organisation


@transaction.atomic
def update_organisation(
    organisation: Organisation,
    *,
    by=None,
    sectors: Iterable[Sector] | None = None,
    strict_city: bool = False,
    **fields,
) -> Organisation:
    """Change some fields of an organisation; `by` must manage it (see rules.py)."""
    _check(by, "ecosystem.change_organisation", organisation)
    moved = ("city" in fields or "country" in fields) and "latitude" not in fields
    _apply(organisation, fields)
    if moved:
        organisation.latitude = organisation.longitude = None
    fill_coordinates(organisation, strict=strict_city)
    organisation.compute_derived_fields()
    organisation.full_clean()
    organisation.save()
    search_index.index_organisations([organisation.pk])
    if sectors is not None:
        organisation.sectors.set(sectors)
    return organisation


@transaction.atomic
def delete_organisation(organisation: Organisation, *, by=None) -> None:
    _check(by, "ecosystem.delete_organisation", organisation)
    search_index.unindex_organisations([organisation.pk])
    organisation.delete()


def set_sectors(organisation: Organisation, *, sectors: Iterable[Sector | str], by=None) -> None:
    """Replace the sectors of an organisation (Sector objects or sector codes)."""
    _check(by, "ecosystem.change_organisation", organisation)
    items = list(sectors)
    codes = [s for s in items if isinstance(s, str)]
    objects = [s for s in items if not isinstance(s, str)] + sectors_from_codes(codes)
    organisation.sectors.set(objects)


@transaction.atomic
def add_membership(
    *,
    network: Organisation,
    member: Organisation,
    role: str = "member",
    since=None,
    until=None,
    by=None,
) -> Membership:
    """Make `member` a member of `network` (idempotent for the same network, member and start)."""
    _check(by, "ecosystem.change_organisation", network)
    membership = Membership.objects.filter(network=network, member=member, since=since).first()
    if membership is None:
        membership = Membership(network=network, member=member, since=since)
    membership.role, membership.until = role, until
    membership.full_clean(validate_constraints=False)
    membership.save()
    return membership


@transaction.atomic
def end_membership(membership: Membership, *, until, by=None) -> Membership:
    _check(by, "ecosystem.change_organisation", membership.network)
    membership.until = until
    membership.full_clean(validate_constraints=False)
    membership.save()
    return membership


# Consent is the person's own decision: it changes only through maillage.privacy (the consent
# log, and e-mail confirmation when someone else asks), never through these directory writes.
CONSENT_FIELDS = {"public_consent", "consent_at"}


def _refuse_consent_fields(fields: dict) -> None:
    if CONSENT_FIELDS & set(fields):
        raise TypeError(
            "public consent is not a directory field: the person gives it (maillage.privacy)"
        )


@transaction.atomic
def create_person(*, user=None, **fields) -> Person:
    _refuse_consent_fields(fields)
    person = Person(user=user, **fields)
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def update_person(person: Person, **fields) -> Person:
    _refuse_consent_fields(fields)
    for name, value in fields.items():
        setattr(person, name, value)
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def add_affiliation(
    *, person: Person, organisation: Organisation, job_title: str = "", is_primary: bool = True
) -> Affiliation:
    """Attach a person to an organisation (updates the job title if already attached).

    Only one affiliation of a person is the main one."""
    affiliation = Affiliation.objects.filter(person=person, organisation=organisation).first()
    if affiliation is None:
        affiliation = Affiliation(person=person, organisation=organisation)
    affiliation.job_title, affiliation.is_primary = job_title, is_primary
    affiliation.full_clean(validate_constraints=False)
    affiliation.save()
    if is_primary:
        person.affiliations.exclude(pk=affiliation.pk).filter(is_primary=True).update(
            is_primary=False
        )
    return affiliation


def remove_affiliation(affiliation: Affiliation) -> None:
    affiliation.delete()


@transaction.atomic
def set_staff_of(*, user, organisations: Iterable[Organisation]) -> None:
    """Make `user` staff of exactly these parks or networks."""
    user.staff_of.set(organisations)
    if hasattr(user, "_managed_organisation_ids"):
        del user._managed_organisation_ids
