"""Delegations and missions: record them, their itinerary, contacts met and follow-ups."""

from __future__ import annotations

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.ecosystem import text
from maillage.partnerships.enums import DelegationDirection, FollowUpKind
from maillage.partnerships.models import ContactMet, Delegation, FollowUp, Visit
from maillage.partnerships.rules import staff_organisation_ids

FIELDS = ("title", "direction", "purpose", "starts_on", "ends_on", "countries", "time_zone")


def _clean_countries(value) -> str:
    codes = value if isinstance(value, list | tuple) else (value or "").split(",")
    codes = [c.strip().upper() for c in codes if c and c.strip()]
    bad = [c for c in codes if not text.is_country_code(c)]
    if bad:
        raise ValidationError(
            {
                "countries": _(
                    "Unknown country code(s): %(codes)s. Use ISO codes such as CN, JP, US."
                )
                % {"codes": ", ".join(bad)}
            }
        )
    return ",".join(dict.fromkeys(codes))


def _clean_time_zone(value: str) -> str:
    value = (value or "").strip()
    if value and value not in zoneinfo.available_timezones():
        raise ValidationError(
            {
                "time_zone": _(
                    "Unknown time zone “%(tz)s”. Use a name such as Asia/Shanghai or Europe/Paris."
                )
                % {"tz": value}
            }
        )
    return value


def _check(*, user, starts_on, ends_on, hosts, visitors, direction) -> None:
    if direction not in DelegationDirection.values:
        raise ValidationError(
            {"direction": _("Say whether the delegation is incoming or outgoing.")}
        )
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError(
            {"ends_on": _("The end date comes before the start date. Swap or correct them.")}
        )
    if not hosts:
        raise ValidationError({"hosts": _("Name at least one host organisation.")})
    if not visitors:
        raise ValidationError({"visitors": _("Name at least one visiting organisation.")})
    involved = {o.pk for o in hosts} | {o.pk for o in visitors}
    if user is not None and not user.is_superuser and not (involved & staff_organisation_ids(user)):
        raise ValidationError(
            {
                "hosts": _(
                    "Your organisation must be among the hosts or the visitors of the delegation."
                )
            }
        )


@transaction.atomic
def create_delegation(*, user, hosts, visitors, members=(), **fields) -> Delegation:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown delegation fields: {sorted(unknown)}")
    fields["countries"] = _clean_countries(fields.get("countries", ""))
    fields["time_zone"] = _clean_time_zone(fields.get("time_zone", ""))
    _check(
        user=user,
        starts_on=fields.get("starts_on"),
        ends_on=fields.get("ends_on"),
        hosts=list(hosts),
        visitors=list(visitors),
        direction=fields.get("direction"),
    )
    delegation = Delegation.objects.create(created_by=user, **fields)
    delegation.hosts.set(hosts)
    delegation.visitors.set(visitors)
    delegation.members.set(members)
    return delegation


@transaction.atomic
def update_delegation(
    *, delegation: Delegation, user, hosts=None, visitors=None, members=None, **fields
) -> Delegation:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown delegation fields: {sorted(unknown)}")
    if "countries" in fields:
        fields["countries"] = _clean_countries(fields["countries"])
    if "time_zone" in fields:
        fields["time_zone"] = _clean_time_zone(fields["time_zone"])
    hosts = list(hosts) if hosts is not None else list(delegation.hosts.all())
    visitors = list(visitors) if visitors is not None else list(delegation.visitors.all())
    _check(
        user=user,
        starts_on=fields.get("starts_on", delegation.starts_on),
        ends_on=fields.get("ends_on", delegation.ends_on),
        hosts=hosts,
        visitors=visitors,
        direction=fields.get("direction", delegation.direction),
    )
    for name, value in fields.items():
        setattr(delegation, name, value)
    delegation.save(update_fields=list(fields))
    delegation.hosts.set(hosts)
    delegation.visitors.set(visitors)
    if members is not None:
        delegation.members.set(members)
    return delegation


@transaction.atomic
def add_visit(
    *,
    delegation: Delegation,
    starts_at,
    ends_at,
    organisation=None,
    place: str = "",
    latitude=None,
    longitude=None,
    notes: str = "",
) -> Visit:
    if organisation is None and not (place or "").strip():
        raise ValidationError(
            {"place": _("Give the organisation visited or the name of the place.")}
        )
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The visit ends before it starts. Correct the times.")})
    # Days as lived at the destination: the itinerary's time zone.
    first, last = (
        timezone.localtime(starts_at, delegation.tz).date(),
        timezone.localtime(ends_at, delegation.tz).date(),
    )
    if first < delegation.starts_on or last > delegation.ends_on:
        raise ValidationError(
            {
                "starts_at": _(
                    "The visit falls outside the delegation's dates (%(start)s – %(end)s)."
                )
                % {"start": delegation.starts_on.isoformat(), "end": delegation.ends_on.isoformat()}
            }
        )
    if (latitude is None) != (longitude is None):
        raise ValidationError({"latitude": _("Give both latitude and longitude, or neither.")})
    return Visit.objects.create(
        delegation=delegation,
        organisation=organisation,
        place=(place or "").strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        latitude=latitude,
        longitude=longitude,
        notes=notes,
    )


def add_contact(
    *, delegation: Delegation, person=None, name: str = "", organisation=None, notes: str = ""
) -> ContactMet:
    if person is None and not (name or "").strip():
        raise ValidationError({"name": _("Choose a person from the directory or type their name.")})
    return ContactMet.objects.create(
        delegation=delegation,
        person=person,
        name=(name or "").strip(),
        organisation=organisation,
        notes=notes,
    )


def add_follow_up(
    *,
    delegation: Delegation,
    description: str,
    kind: str = FollowUpKind.OTHER,
    agreement=None,
    due_on=None,
) -> FollowUp:
    """A follow-up of the delegation. One that led to a soft-landing application is recorded
    through soft landing (``softlanding.services.add_delegation_follow_up``), which links the
    two: partnerships does not know applications."""
    if not (description or "").strip():
        raise ValidationError({"description": _("Describe the follow-up.")})
    if kind == FollowUpKind.AGREEMENT and agreement is None:
        raise ValidationError({"agreement": _("Choose the agreement this follow-up led to.")})
    return FollowUp.objects.create(
        delegation=delegation,
        kind=kind,
        description=description.strip(),
        agreement=agreement if kind == FollowUpKind.AGREEMENT else None,
        due_on=due_on,
    )


def set_follow_up_done(*, follow_up: FollowUp, done: bool) -> FollowUp:
    follow_up.done = done
    follow_up.save(update_fields=["done"])
    return follow_up
