"""Soft-landing programmes and their host offers: create and update them, open or close a
programme for applications, its screening criteria, and the desks an offer has taken."""

from __future__ import annotations

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from maillage.partnerships.rules import staff_organisation_ids
from maillage.softlanding import matching
from maillage.softlanding.enums import HOLDS_DESK
from maillage.softlanding.models import HostOffer, Programme, ScreeningCriterion
from maillage.softlanding.services.codes import clean_codes, clean_services


@transaction.atomic
def create_programme(
    *,
    user,
    name: str,
    organisers,
    agreement=None,
    description: str = "",
    is_open: bool = True,
    criteria=(),
) -> Programme:
    organisers = list(organisers)
    _check_organisers(user=user, organisers=organisers, agreement=agreement)
    programme = Programme.objects.create(
        name=name, description=description, agreement=agreement, is_open=is_open
    )
    programme.organisers.set(organisers)
    set_criteria(programme=programme, criteria=criteria)
    return programme


def _check_organisers(*, user, organisers, agreement) -> None:
    if not organisers:
        raise ValidationError({"organisers": _("Name at least one organising park.")})
    if (
        user is not None
        and not user.is_superuser
        and not ({o.pk for o in organisers} & staff_organisation_ids(user))
    ):
        raise ValidationError(
            {"organisers": _("One of the organisers must be an organisation you work for.")}
        )
    if agreement is not None:
        parties = set(agreement.parties.values_list("organisation_id", flat=True))
        if not {o.pk for o in organisers} <= parties:
            raise ValidationError(
                {"agreement": _("Every organiser must be a party to the agreement chosen.")}
            )


@transaction.atomic
def update_programme(
    *,
    programme: Programme,
    user,
    name: str,
    organisers,
    agreement=None,
    description: str = "",
    is_open: bool = True,
    criteria=None,
) -> Programme:
    organisers = list(organisers)
    _check_organisers(user=user, organisers=organisers, agreement=agreement)
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    programme.name, programme.description, programme.agreement, programme.is_open = (
        name,
        description,
        agreement,
        is_open,
    )
    programme.save()
    programme.organisers.set(organisers)
    if criteria is not None:
        set_criteria(programme=programme, criteria=criteria)
    return programme


def set_programme_open(*, programme: Programme, is_open: bool) -> Programme:
    programme.is_open = is_open
    programme.save(update_fields=["is_open"])
    return programme


@transaction.atomic
def set_criteria(*, programme: Programme, criteria) -> None:
    """Replace the scoring grid with (name, weight) pairs; scores of kept criteria survive."""
    names = []
    for position, (name, weight) in enumerate(criteria):
        name = (name or "").strip()
        if not name:
            continue
        if int(weight) < 1:
            raise ValidationError({"criteria": _("Each criterion needs a weight of at least 1.")})
        ScreeningCriterion.objects.update_or_create(
            programme=programme, name=name, defaults={"weight": int(weight), "position": position}
        )
        names.append(name)
    programme.criteria.exclude(name__in=names).delete()


def _offer_checks(*, desks, available_from, available_until) -> None:
    if available_from and available_until and available_until < available_from:
        raise ValidationError(
            {"available_until": _("The offer ends before it starts. Swap or correct the dates.")}
        )
    if desks is not None and int(desks) < 1:
        raise ValidationError({"desks": _("An offer needs at least one desk.")})


@transaction.atomic
def create_offer(
    *,
    programme: Programme,
    host,
    desks: int,
    available_from,
    available_until,
    services=(),
    sectors=(),
    languages: str = "",
    fees: str = "",
    description: str = "",
) -> HostOffer:
    _offer_checks(desks=desks, available_from=available_from, available_until=available_until)
    offer = HostOffer.objects.create(
        programme=programme,
        host=host,
        desks=desks,
        available_from=available_from,
        available_until=available_until,
        services=clean_services(services, "services"),
        languages=clean_codes(languages, field="languages", country=False),
        fees=fees,
        description=description,
    )
    offer.sectors.set(sectors)
    return offer


@transaction.atomic
def update_offer(*, offer: HostOffer, sectors=None, **fields) -> HostOffer:
    offer = HostOffer.objects.select_for_update().get(pk=offer.pk)
    if "services" in fields:
        fields["services"] = clean_services(fields["services"], "services")
    if "languages" in fields:
        fields["languages"] = clean_codes(fields["languages"], field="languages", country=False)
    for name, value in fields.items():
        setattr(offer, name, value)
    _offer_checks(
        desks=offer.desks,
        available_from=offer.available_from,
        available_until=offer.available_until,
    )
    for app in offer.assigned_applications.filter(status__in=HOLDS_DESK):
        if app.starts_on < offer.available_from or app.ends_on > offer.available_until:
            raise ValidationError(
                {
                    "available_from": _(
                        "%(startup)s is placed here from %(start)s to %(end)s: "
                        "keep those dates inside the offer's period."
                    )
                    % {"startup": app.startup, "start": app.starts_on, "end": app.ends_on}
                }
            )
    month, taken = peak_desk_load(offer)
    if taken > offer.desks:
        raise ValidationError(
            {
                "desks": _(
                    "%(n)d startups are already placed here in %(month)s: keep at least %(n)d desks."
                )
                % {"n": taken, "month": f"{month[0]}-{month[1]:02d}"}
            }
        )
    offer.save()
    if sectors is not None:
        offer.sectors.set(sectors)
    return offer


def desk_load(offer: HostOffer, exclude_id: int | None = None) -> Counter:
    """Month -> desks of the offer held by its applications (all but ``exclude_id``)."""
    load: Counter = Counter()
    apps = offer.assigned_applications.filter(status__in=HOLDS_DESK)
    if exclude_id:
        apps = apps.exclude(pk=exclude_id)
    for app in apps:
        load.update(matching.month_span(app.starts_on, app.ends_on))
    return load


def peak_desk_load(offer: HostOffer):
    """The month when the offer's applications hold the most desks, and how many."""
    load = desk_load(offer)
    return max(load.items(), key=lambda kv: kv[1]) if load else (None, 0)
