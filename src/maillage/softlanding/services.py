"""Every state change of soft landing: programmes, offers, applications, screening, pipeline,
matching and outcomes. Plain functions with keyword arguments; each write is one transaction."""

from __future__ import annotations

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.ecosystem import text
from maillage.partnerships.rules import staff_organisation_ids
from maillage.softlanding import matching
from maillage.softlanding.enums import (
    HOLDS_DESK,
    TRANSITIONS,
    ApplicationStatus,
    ExitOutcome,
    Service,
)
from maillage.softlanding.models import (
    Application,
    HostOffer,
    Outcome,
    PreferredHost,
    Programme,
    Score,
    ScreeningCriterion,
    StatusChange,
)

MAX_PREFERENCES = 5
A = ApplicationStatus


def _codes(value, *, field: str, country: bool) -> str:
    items = value if isinstance(value, list | tuple) else (value or "").split(",")
    codes = [c.strip().upper() if country else c.strip().lower() for c in items if c and c.strip()]
    if country:
        bad = [c for c in codes if not text.is_country_code(c)]
        if bad:
            raise ValidationError(
                {
                    field: _("Unknown country code(s): %(codes)s. Use ISO codes such as CN or US.")
                    % {"codes": ", ".join(bad)}
                }
            )
    elif any(len(c) != 2 or not c.isalpha() for c in codes):
        raise ValidationError(
            {field: _("Write languages as two-letter codes separated by commas, e.g. en,fr,zh.")}
        )
    return ",".join(dict.fromkeys(codes))


def _services(values, field: str) -> list[str]:
    bad = [v for v in values if v not in Service.values]
    if bad:
        raise ValidationError({field: _("Unknown service(s): %(s)s.") % {"s": ", ".join(bad)}})
    return list(dict.fromkeys(values))


# -- programmes and offers -------------------------------------------------------------------


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
        services=_services(services, "services"),
        languages=_codes(languages, field="languages", country=False),
        fees=fees,
        description=description,
    )
    offer.sectors.set(sectors)
    return offer


@transaction.atomic
def update_offer(*, offer: HostOffer, sectors=None, **fields) -> HostOffer:
    offer = HostOffer.objects.select_for_update().get(pk=offer.pk)
    if "services" in fields:
        fields["services"] = _services(fields["services"], "services")
    if "languages" in fields:
        fields["languages"] = _codes(fields["languages"], field="languages", country=False)
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
    month, taken = _peak_load(offer)
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


def _load(offer: HostOffer, exclude_id: int | None = None) -> Counter:
    load: Counter = Counter()
    apps = offer.assigned_applications.filter(status__in=HOLDS_DESK)
    if exclude_id:
        apps = apps.exclude(pk=exclude_id)
    for app in apps:
        load.update(matching.month_span(app.starts_on, app.ends_on))
    return load


def _peak_load(offer: HostOffer):
    load = _load(offer)
    return max(load.items(), key=lambda kv: kv[1]) if load else (None, 0)


# -- applications ------------------------------------------------------------------------------


@transaction.atomic
def submit_application(
    *,
    user,
    programme: Programme,
    startup,
    home_park,
    starts_on,
    ends_on,
    preferences=(),
    target_countries="",
    sector=None,
    stage="seed",
    goals="",
    needs=(),
    languages="",
    team_size: int = 1,
) -> Application:
    """A home park endorses one of its startups' application to a programme."""
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    if not programme.is_open:
        raise ValidationError(
            _(
                "The programme “%(name)s” is closed to applications. Ask its organisers "
                "when it reopens."
            )
            % {"name": programme.name}
        )
    if (
        user is not None
        and not user.is_superuser
        and home_park.pk not in staff_organisation_ids(user)
    ):
        raise ValidationError(
            {"home_park": _("Only the staff of the home park can endorse its startups.")}
        )
    if ends_on < starts_on:
        raise ValidationError(
            {"ends_on": _("The end date comes before the start date. Swap or correct them.")}
        )
    if starts_on < timezone.localdate() and user is not None and not user.is_superuser:
        raise ValidationError({"starts_on": _("The stay cannot start in the past.")})
    preferences = list(dict.fromkeys(preferences))
    if len(preferences) > MAX_PREFERENCES:
        raise ValidationError({"preferences": _("Choose at most five preferred hosts.")})
    if any(offer.programme_id != programme.pk for offer in preferences):
        raise ValidationError(
            {"preferences": _("Preferred hosts must be offers of this programme.")}
        )
    app = Application.objects.create(
        programme=programme,
        startup=startup,
        home_park=home_park,
        endorsed_by=user,
        endorsed_at=timezone.now(),
        target_countries=_codes(target_countries, field="target_countries", country=True),
        sector=sector,
        stage=stage,
        goals=goals,
        needs=_services(needs, "needs"),
        languages=_codes(languages, field="languages", country=False),
        starts_on=starts_on,
        ends_on=ends_on,
        team_size=team_size,
        created_by=user,
    )
    PreferredHost.objects.bulk_create(
        PreferredHost(application=app, offer=offer, rank=rank)
        for rank, offer in enumerate(preferences, start=1)
    )
    StatusChange.objects.create(application=app, from_status="", to_status=A.APPLIED, by=user)
    return app


@transaction.atomic
def score_application(*, application: Application, scores: dict, user) -> float | None:
    """Record scores (criterion → 0..5) and return the weighted total on 100."""
    for criterion, value in scores.items():
        if criterion.programme_id != application.programme_id:
            raise ValidationError({"scores": _("This criterion belongs to another programme.")})
        if value is None or value == "":
            continue
        value = int(value)
        if not 0 <= value <= Score.MAX:
            raise ValidationError({"scores": _("Scores go from 0 to 5.")})
        Score.objects.update_or_create(
            application=application,
            criterion=criterion,
            defaults={"value": value, "scored_by": user},
        )
    return weighted_score(application)


def weighted_score(application: Application) -> float | None:
    scores = list(application.scores.select_related("criterion"))
    if not scores:
        return None
    weight = sum(s.criterion.weight for s in scores)
    return round(100 * sum(s.value * s.criterion.weight for s in scores) / (weight * Score.MAX), 1)


def _check_fits(app: Application, offer: HostOffer) -> None:
    if offer.programme_id != app.programme_id:
        raise ValidationError({"offer": _("This host belongs to another programme.")})
    if app.starts_on < offer.available_from or app.ends_on > offer.available_until:
        raise ValidationError(
            {
                "offer": _(
                    "%(host)s hosts from %(start)s to %(end)s; the stay asked for does not fit."
                )
                % {"host": offer.host, "start": offer.available_from, "end": offer.available_until}
            }
        )
    load = _load(offer, exclude_id=app.pk)
    for month in matching.month_span(app.starts_on, app.ends_on):
        if load[month] >= offer.desks:
            raise ValidationError(
                {
                    "offer": _(
                        "%(host)s is over capacity in %(month)s: all %(desks)d desks are "
                        "taken. Choose another host or other dates."
                    )
                    % {
                        "host": offer.host,
                        "month": f"{month[0]}-{month[1]:02d}",
                        "desks": offer.desks,
                    }
                }
            )


@transaction.atomic
def move_application(
    *,
    application: Application,
    to_status: str,
    user,
    offer: HostOffer | None = None,
    exit_outcome: str = "",
    note: str = "",
) -> Application:
    app = Application.objects.select_for_update().get(pk=application.pk)
    if to_status not in TRANSITIONS.get(app.status, set()):
        allowed = ", ".join(str(A(s).label) for s in sorted(TRANSITIONS.get(app.status, ())))
        raise ValidationError(
            {
                "status": _(
                    "An application that is “%(old)s” cannot move to “%(new)s”. "
                    "Possible next steps: %(allowed)s."
                )
                % {
                    "old": A(app.status).label,
                    "new": A(to_status).label if to_status in A.values else to_status,
                    "allowed": allowed or _("none"),
                }
            }
        )
    if to_status == A.MATCHED:
        offer = offer or app.assigned_offer
        if offer is None:
            raise ValidationError({"offer": _("Choose the host to match this startup with.")})
        list(
            HostOffer.objects.select_for_update().filter(pk=offer.pk).order_by()
        )  # serialise bookings of this host
        _check_fits(app, offer)
        app.assigned_offer = offer
    elif to_status == A.SCREENING:
        app.assigned_offer = None
    if to_status == A.EXITED:
        if exit_outcome not in ExitOutcome.values:
            raise ValidationError({"exit_outcome": _("Say whether the startup stayed or left.")})
        app.exit_outcome = exit_outcome
    StatusChange.objects.create(
        application=app, from_status=app.status, to_status=to_status, by=user, note=note
    )
    app.status = to_status
    app.save()
    return app


# -- matching ------------------------------------------------------------------------------------


def matching_instance(programme: Programme, applications=None):
    """Plain data for matching.py: pending applications and every offer with the desks already held."""
    offers = list(programme.offers.prefetch_related("sectors"))
    if applications is None:
        applications = programme.applications.filter(status__in=[A.APPLIED, A.SCREENING])
    apps = list(applications.select_related("sector").prefetch_related("preferences"))
    hosts = [
        matching.Host(
            id=o.pk,
            desks=o.desks,
            months=frozenset(matching.month_span(o.available_from, o.available_until)),
            sectors=frozenset(s.pk for s in o.sectors.all()),
            languages=frozenset(o.language_list),
            services=frozenset(o.services),
            country=o.host.country,
            used=dict(_load(o)),
        )
        for o in offers
    ]
    requests = [
        matching.Request(
            id=a.pk,
            months=frozenset(matching.month_span(a.starts_on, a.ends_on)),
            sector=a.sector_id,
            filiere=a.sector.parent_id if a.sector_id else None,
            languages=frozenset(a.language_list),
            needs=frozenset(a.needs),
            countries=frozenset(c for c in a.target_countries.split(",") if c),
            preferences=tuple(p.offer_id for p in a.preferences.all()),
        )
        for a in apps
    ]
    return requests, hosts


def propose_assignment(*, programme: Programme, time_limit: float = 10.0) -> matching.Assignment:
    requests, hosts = matching_instance(programme)
    return matching.assign(requests, hosts, time_limit=time_limit)


@transaction.atomic
def accept_assignment(
    *, programme: Programme, choices: dict[int, int | None], user
) -> list[Application]:
    """Staff accept (possibly edited) proposals: each application gets its host, all or nothing."""
    # order_by(): the default ordering joins the host, which would lock organisations too.
    offers = {
        o.pk: o
        for o in HostOffer.objects.select_for_update().filter(programme=programme).order_by("pk")
    }
    apps = {
        a.pk: a
        for a in programme.applications.filter(pk__in=choices, status__in=[A.APPLIED, A.SCREENING])
    }
    missing = set(choices) - set(apps)
    if missing:
        raise ValidationError(
            _("Some applications are no longer waiting for a host; reload the page.")
        )
    matched = []
    for app_id, offer_id in sorted(choices.items()):
        if offer_id is None:
            continue
        if offer_id not in offers:
            raise ValidationError({"offer": _("This host belongs to another programme.")})
        app = apps[app_id]
        if app.status == A.APPLIED:
            app = move_application(application=app, to_status=A.SCREENING, user=user)
        matched.append(
            move_application(
                application=app,
                to_status=A.MATCHED,
                user=user,
                offer=offers[offer_id],
                note=_("Accepted from the proposed assignment."),
            )
        )
    return matched


@transaction.atomic
def record_outcome(
    *,
    application: Application,
    months: int,
    local_entity_created: bool = False,
    jobs: int = 0,
    contracts: int = 0,
    funds_raised=0,
    notes: str = "",
) -> Outcome:
    if application.status not in (A.LANDED, A.EXITED):
        raise ValidationError(_("Outcomes are recorded once the startup has landed."))
    if int(months) not in (6, 12, 24):
        raise ValidationError({"months": _("Outcomes are recorded at 6, 12 or 24 months.")})
    if min(int(jobs), int(contracts)) < 0 or float(funds_raised) < 0:
        raise ValidationError(_("Jobs, contracts and funds cannot be negative."))
    outcome, _created = Outcome.objects.update_or_create(
        application=application,
        months=int(months),
        defaults={
            "local_entity_created": local_entity_created,
            "jobs": jobs,
            "contracts": contracts,
            "funds_raised": funds_raised,
            "notes": notes,
        },
    )
    return outcome
