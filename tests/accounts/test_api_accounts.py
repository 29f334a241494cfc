"""The accounts API: one's own profile (and one's own consent to the public listing, logged),
one's API tokens — issued once, listed without the secret, revoked by their owner only."""

from __future__ import annotations

import pytest

from maillage.accounts.models import ApiToken
from maillage.ecosystem.models import Person
from maillage.privacy.models import ConsentRecord
from tests.ecosystem.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def bearer(user) -> dict:
    _obj, token = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def patch(client, url, body, auth):
    return client.patch(url, body, content_type="application/json", **auth)


def test_tokens_issued_listed_and_revoked(client):
    user = UserFactory()
    auth = bearer(user)
    made = client.post(
        "/api/v1/me/tokens", {"name": "CRM sync"}, content_type="application/json", **auth
    )
    assert made.status_code == 201
    secret = made.json()["token"]
    assert ApiToken.user_for(secret) == user
    listed = client.get("/api/v1/me/tokens", **auth).json()
    assert {t["name"] for t in listed} == {"test", "CRM sync"}
    assert all("token" not in t for t in listed)
    other = bearer(UserFactory())
    mine = made.json()["id"]
    assert client.delete(f"/api/v1/me/tokens/{mine}", **other).status_code == 404
    assert client.delete(f"/api/v1/me/tokens/{mine}", **auth).status_code == 204
    assert ApiToken.user_for(secret) is None


def test_tokens_need_sign_in_and_a_name(client):
    assert client.get("/api/v1/me/tokens").status_code == 401
    auth = bearer(UserFactory())
    empty = client.post("/api/v1/me/tokens", {"name": ""}, content_type="application/json", **auth)
    assert empty.status_code == 422


def test_profile_and_own_consent(client):
    user = UserFactory(email="ada@example.org")
    PersonFactory(user=user, email=user.email, first_name="Ada", public_consent=False)
    auth = bearer(user)
    assert client.get("/api/v1/me/profile", **auth).json()["first_name"] == "Ada"
    changed = patch(client, "/api/v1/me/profile", {"bio": "Engineer", "languages": "FR, en"}, auth)
    assert changed.status_code == 200 and changed.json()["languages"] == "fr,en"
    assert not ConsentRecord.objects.exists()  # consent untouched when not sent
    listed = patch(client, "/api/v1/me/profile", {"public_consent": True}, auth)
    assert listed.json()["public_consent"] is True
    assert Person.objects.get(user=user).public_consent is True
    assert ConsentRecord.objects.get().granted is True
    bad = patch(client, "/api/v1/me/profile", {"languages": "french"}, auth)
    assert bad.status_code == 422
    assert patch(client, "/api/v1/me/profile", {"email": "x@y.z"}, auth).status_code == 422
    assert client.get("/api/v1/me/profile").status_code == 401
