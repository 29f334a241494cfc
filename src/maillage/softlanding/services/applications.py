"""Applications to a soft-landing programme: submitted by a startup's home park, scored by
the host's staff, moved along the pipeline (each move recorded), and their outcomes after
landing (6, 12, 24 months)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.partnerships.rules import staff_organisation_ids
from maillage.softlanding import matching
from maillage.softlanding.enums import TRANSITIONS, ApplicationStatus, ExitOutcome
from maillage.softlanding.models import (
    Application,
    HostOffer,
    Outcome,
    PreferredHost,
    Programme,
    Score,
    StatusChange,
)
from maillage.softlanding.services.codes import clean_codes, clean_services
from maillage.softlanding.services.programmes import desk_load

MAX_PREFERENCES = 5
A = ApplicationStatus


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
        target_countries=clean_codes(target_countries, field="target_countries", country=True),
        sector=sector,
        stage=stage,
        goals=goals,
        needs=clean_services(needs, "needs"),
        languages=clean_codes(languages, field="languages", country=False),
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
    load = desk_load(offer, exclude_id=app.pk)
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
    if not application.has_landed:
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
