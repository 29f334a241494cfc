from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from maillage.softlanding import services
from maillage.softlanding.enums import ApplicationStatus as S
from maillage.softlanding.models import Application, Outcome, PreferredHost
from tests.ecosystem.factories import OrganisationFactory
from tests.softlanding.conftest import START


def _submit(sl, startup=None, **kw):
    args = dict(
        user=sl["users"]["inovallee"],
        programme=sl["programme"],
        startup=startup or sl["startup"],
        home_park=sl["inovallee"],
        starts_on=START,
        ends_on=START + dt.timedelta(days=60),
    )
    args.update(kw)
    return services.submit_application(**args)


def test_submit_records_endorsement_preferences_and_history(application, sl):
    assert application.status == S.APPLIED and application.endorsed_at is not None
    assert list(application.preferences.values_list("offer", flat=True)) == [sl["zgc_offer"].pk]
    assert application.history.get().to_status == S.APPLIED


def test_closed_programme_refuses_applications(sl):
    services.set_programme_open(programme=sl["programme"], is_open=False)
    with pytest.raises(ValidationError, match="closed to applications"):
        _submit(sl)
    assert not Application.objects.exists()


def test_bad_application_input(sl):
    with pytest.raises(ValidationError, match="end date comes before"):
        _submit(sl, ends_on=START - dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="at most five"):
        extra = [
            services.create_offer(
                programme=sl["programme"],
                host=sl["zgc"],
                desks=1,
                available_from=START,
                available_until=START,
            )
            for _ in range(5)
        ]
        _submit(sl, preferences=[sl["zgc_offer"], *extra])
    with pytest.raises(ValidationError, match="home park"):
        _submit(sl, user=sl["users"]["zgc"])
    with pytest.raises(ValidationError, match="Unknown country"):
        _submit(sl, target_countries="ZZ")
    assert not Application.objects.exists() and not PreferredHost.objects.exists()


def test_pipeline_transitions_are_enforced(application, sl):
    user = sl["users"]["zgc"]
    with pytest.raises(ValidationError, match="cannot move to “Landed”"):
        services.move_application(application=application, to_status=S.LANDED, user=user)
    services.move_application(application=application, to_status=S.SCREENING, user=user)
    with pytest.raises(ValidationError, match="Choose the host"):
        services.move_application(application=application, to_status=S.MATCHED, user=user)
    services.move_application(
        application=application, to_status=S.MATCHED, user=user, offer=sl["zgc_offer"]
    )
    services.move_application(application=application, to_status=S.AGREED, user=user)
    services.move_application(application=application, to_status=S.LANDED, user=user)
    with pytest.raises(ValidationError, match="stayed or left"):
        services.move_application(application=application, to_status=S.EXITED, user=user)
    app = services.move_application(
        application=application, to_status=S.EXITED, user=user, exit_outcome="stayed"
    )
    assert app.status == S.EXITED and app.exit_outcome == "stayed"
    assert [h.to_status for h in app.history.all()] == [
        "applied",
        "screening",
        "matched",
        "agreed",
        "landed",
        "exited",
    ]


def test_host_over_capacity_is_refused(sl):
    user = sl["users"]["inovallee"]
    apps = [_submit(sl, startup=OrganisationFactory(host_park=sl["inovallee"])) for _ in range(2)]
    for app in apps:
        services.move_application(application=app, to_status=S.SCREENING, user=user)
    services.move_application(
        application=apps[0], to_status=S.MATCHED, user=user, offer=sl["ino_offer"]
    )
    with pytest.raises(ValidationError, match="over capacity in 2030-03"):
        services.move_application(
            application=apps[1], to_status=S.MATCHED, user=user, offer=sl["ino_offer"]
        )
    apps[1].refresh_from_db()
    assert apps[1].status == S.SCREENING and apps[1].assigned_offer is None


def test_dates_outside_offer_refused(sl):
    app = _submit(sl, starts_on=dt.date(2030, 12, 1), ends_on=dt.date(2031, 2, 1))
    services.move_application(application=app, to_status=S.SCREENING, user=None)
    with pytest.raises(ValidationError, match="does not fit"):
        services.move_application(
            application=app, to_status=S.MATCHED, user=None, offer=sl["zgc_offer"]
        )


def test_screening_scores_weighted(application, sl):
    team, fit = sl["programme"].criteria.all()
    total = services.score_application(application=application, scores={team: 5, fit: 0}, user=None)
    assert total == 60.0
    with pytest.raises(ValidationError, match="0 to 5"):
        services.score_application(application=application, scores={team: 6}, user=None)


def test_propose_and_accept_assignment(sl):
    apps = [
        _submit(
            sl,
            startup=OrganisationFactory(host_park=sl["inovallee"]),
            preferences=[sl["zgc_offer"]],
            sector=sl["medtech"],
        )
        for _ in range(4)
    ]
    proposal = services.propose_assignment(programme=sl["programme"])
    placed = {a: h for a, h in proposal.hosts.items() if h}
    assert len(placed) == 3  # ZGC 2 desks + inovallée 1 desk over the same months
    assert sum(1 for h in placed.values() if h == sl["zgc_offer"].pk) == 2
    matched = services.accept_assignment(
        programme=sl["programme"], choices=proposal.hosts, user=None
    )
    assert len(matched) == 3
    assert Application.objects.filter(status=S.MATCHED).count() == 3
    assert (
        Application.objects.get(pk=next(a.pk for a in apps if not proposal.hosts[a.pk])).status
        == S.APPLIED
    )


def test_accept_is_all_or_nothing(sl):
    apps = [_submit(sl, startup=OrganisationFactory(host_park=sl["inovallee"])) for _ in range(2)]
    with pytest.raises(ValidationError, match="over capacity"):
        services.accept_assignment(
            programme=sl["programme"],
            choices={apps[0].pk: sl["ino_offer"].pk, apps[1].pk: sl["ino_offer"].pk},
            user=None,
        )
    assert not Application.objects.exclude(status=S.APPLIED).exists()


def test_reducing_desks_below_placed_startups_refused(sl):
    apps = [_submit(sl, startup=OrganisationFactory(host_park=sl["inovallee"])) for _ in range(2)]
    services.accept_assignment(
        programme=sl["programme"],
        choices={apps[0].pk: sl["zgc_offer"].pk, apps[1].pk: sl["zgc_offer"].pk},
        user=None,
    )
    with pytest.raises(ValidationError, match="keep at least 2 desks"):
        services.update_offer(offer=sl["zgc_offer"], desks=1)
    sl["zgc_offer"].refresh_from_db()
    assert sl["zgc_offer"].desks == 2


def test_outcomes_only_after_landing(application, sl):
    with pytest.raises(ValidationError, match="once the startup has landed"):
        services.record_outcome(application=application, months=6)
    for status, extra in [
        (S.SCREENING, {}),
        (S.MATCHED, {"offer": sl["zgc_offer"]}),
        (S.AGREED, {}),
        (S.LANDED, {}),
    ]:
        services.move_application(application=application, to_status=status, user=None, **extra)
    application.refresh_from_db()
    services.record_outcome(
        application=application, months=6, local_entity_created=True, jobs=2, funds_raised=50000
    )
    services.record_outcome(application=application, months=6, jobs=3)
    assert Outcome.objects.get().jobs == 3
    with pytest.raises(ValidationError, match="6, 12 or 24"):
        services.record_outcome(application=application, months=7)
