"""Login protection: repeated failed sign-ins lock the address out, until the cool-off ends."""

from __future__ import annotations

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from tests.ecosystem.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=15)


def _sign_in(client, email, password):
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


def test_lockout_after_failures_then_success_after_the_cool_off(client, axes_on):
    user = UserFactory(email="ada@example.org")
    for _ in range(2):
        assert _sign_in(client, user.email, "wrong").status_code == 200
    locked = _sign_in(client, user.email, "wrong")
    assert locked.status_code == 429 and "Too many failed sign-ins" in locked.content.decode()
    # Even the right password is refused while locked out.
    assert _sign_in(client, user.email, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session
    # The cool-off ends (its start moved 16 minutes back): the right password works again.
    AccessAttempt.objects.update(attempt_time=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=16))
    assert _sign_in(client, user.email, PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_another_address_is_not_locked_by_someone_elses_failures(client, axes_on):
    victim, other = UserFactory(email="v@example.org"), UserFactory(email="o@example.org")
    for _ in range(3):
        _sign_in(client, victim.email, "wrong")
    assert _sign_in(client, other.email, PASSWORD).status_code == 302


def test_production_settings_are_checked(settings):
    assert settings.AXES_FAILURE_LIMIT >= 1 and settings.SESSION_COOKIE_AGE == 14 * 24 * 3600
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
