"""A delegation's follow-up that led to a soft-landing application: soft landing holds the link
(partnerships knows nothing of applications), through its service, its page and its migration."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from maillage.partnerships import forms as partnership_forms
from maillage.partnerships import services as partnerships
from maillage.partnerships.enums import DelegationDirection, FollowUpKind
from maillage.partnerships.models import FollowUp
from maillage.softlanding import services
from maillage.softlanding.models import FollowUpLink

pytestmark = pytest.mark.django_db


@pytest.fixture
def delegation(sl):
    """inovallée receives ZGC: both parks' staff may change it; Genopole's may not."""
    return partnerships.create_delegation(
        user=sl["users"]["inovallee"],
        title="ZGC visits inovallée",
        direction=DelegationDirection.INCOMING,
        starts_on=dt.date(2030, 1, 10),
        ends_on=dt.date(2030, 1, 12),
        hosts=[sl["inovallee"]],
        visitors=[sl["zgc"]],
    )


def test_follow_up_of_kind_application_is_linked_to_it(delegation, application):
    follow_up = services.add_delegation_follow_up(
        delegation=delegation, description="Medtech Startup applied", application=application
    )
    assert follow_up.kind == FollowUpKind.APPLICATION
    assert follow_up.application_link.application == application
    assert [link.follow_up for link in application.follow_up_links.all()] == [follow_up]


def test_follow_up_of_kind_application_needs_the_application(delegation):
    with pytest.raises(ValidationError) as exc:
        services.add_delegation_follow_up(delegation=delegation, description="Applied")
    assert "application" in exc.value.message_dict
    assert not FollowUp.objects.exists()  # nothing half-written


def test_other_kinds_pass_through_without_a_link(delegation, application):
    follow_up = services.add_delegation_follow_up(
        delegation=delegation,
        description="Visit again",
        kind=FollowUpKind.OTHER,
        application=application,
    )
    assert follow_up.kind == FollowUpKind.OTHER
    assert not FollowUpLink.objects.exists()


def test_partnerships_form_no_longer_offers_applications():
    form = partnership_forms.FollowUpForm()
    assert "application" not in form.fields
    assert FollowUpKind.APPLICATION not in dict(form.fields["kind"].choices)
    assert not hasattr(FollowUp(), "application_id")


def test_application_page_records_and_shows_the_follow_up(client, sl, delegation, application):
    client.force_login(sl["users"]["inovallee"])
    page = reverse("softlanding:application", args=[application.pk])
    assert "No delegation led to this application yet." in client.get(page).content.decode()
    r = client.post(
        reverse("softlanding:follow_up_add", args=[application.pk]),
        {"f-delegation": delegation.pk, "f-description": "Applied after the visit"},
    )
    assert r.status_code == 302
    html = client.get(page).content.decode()
    assert "Applied after the visit" in html
    assert delegation.get_absolute_url() in html
    # The delegation's page lists it, with its kind.
    html = client.get(delegation.get_absolute_url()).content.decode()
    assert "Applied after the visit" in html and "Soft-landing application" in html


def test_another_parks_staff_cannot_link(client, sl, delegation, application):
    client.force_login(sl["users"]["genopole"])  # sees neither the application nor the delegation
    r = client.post(
        reverse("softlanding:follow_up_add", args=[application.pk]),
        {"f-delegation": delegation.pk, "f-description": "Not mine"},
    )
    assert r.status_code in (403, 404)
    assert not FollowUp.objects.exists()


def test_a_delegation_the_user_cannot_change_is_refused(client, sl, application):
    other = partnerships.create_delegation(
        user=sl["users"]["genopole"],
        title="Genopole's own mission",
        direction=DelegationDirection.OUTGOING,
        starts_on=dt.date(2030, 2, 1),
        ends_on=dt.date(2030, 2, 3),
        hosts=[sl["zgc"]],
        visitors=[sl["genopole"]],
    )
    client.force_login(sl["users"]["inovallee"])  # sees the application, not that delegation
    r = client.post(
        reverse("softlanding:follow_up_add", args=[application.pk]),
        {"f-delegation": other.pk, "f-description": "Not ours"},
        follow=True,
    )
    assert "Choose one of your delegations" in r.content.decode()
    assert not FollowUp.objects.exists()


BEFORE = [
    ("partnerships", "0004_delegation_time_zone"),
    ("softlanding", "0002_constraint_messages"),
]
AFTER = [
    ("partnerships", "0005_remove_followup_application"),
    ("softlanding", "0004_copy_follow_up_applications"),
]


@pytest.mark.django_db(transaction=True)
def test_migration_moves_the_links_and_back(sl, delegation, application):
    """Follow-ups written with FollowUp.application keep their application once soft landing
    holds the link, and get it back when the migrations are unapplied."""
    linked = services.add_delegation_follow_up(
        delegation=delegation, description="Applied", application=application
    )
    plain = partnerships.add_follow_up(delegation=delegation, description="Call them")
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        old = executor.loader.project_state(BEFORE).apps
        OldFollowUp = old.get_model("partnerships", "FollowUp")
        assert OldFollowUp.objects.get(pk=linked.pk).application_id == application.pk
        assert OldFollowUp.objects.get(pk=plain.pk).application_id is None
        OldFollowUp.objects.filter(pk=plain.pk).update(application_id=application.pk)
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
    links = dict(FollowUpLink.objects.values_list("follow_up_id", "application_id"))
    assert links == {linked.pk: application.pk, plain.pk: application.pk}
