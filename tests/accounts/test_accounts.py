import re

import pytest
from django.core import mail
from django.urls import reverse

from maillage.accounts import services
from maillage.accounts.models import ApiToken
from maillage.ecosystem.models import Person
from tests.ecosystem.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return UserFactory(email="ada@example.org")


def test_login_with_email_and_password(client, user):
    page = client.get(reverse("accounts:login")).content.decode()
    assert 'name="username"' in page and 'name="password"' in page
    response = client.post(
        reverse("accounts:login"), {"username": "ADA@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "ada@example.org" in client.get("/").content.decode()


def test_login_with_wrong_password_says_so(client, user):
    response = client.post(
        reverse("accounts:login"), {"username": "ada@example.org", "password": "nope"}
    )
    assert response.status_code == 200
    assert "Please enter a correct e-mail address and password" in response.content.decode()


def test_password_reset_flow(client, user):
    response = client.post(reverse("accounts:password_reset"), {"email": "ada@example.org"})
    assert response.status_code == 302 and response.url == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ada@example.org"]
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert "new_password1" in form_page.content.decode()
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a-new-long-passphrase", "new_password2": "a-new-long-passphrase"},
    )
    assert response.status_code == 302 and response.url == reverse(
        "accounts:password_reset_complete"
    )
    user.refresh_from_db()
    assert user.check_password("a-new-long-passphrase")
    assert "Password changed" in client.get(response.url).content.decode()


def test_password_reset_for_unknown_address_sends_nothing(client, user):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302 and mail.outbox == []


def test_profile_page_creates_and_updates_the_person(client, user):
    client.force_login(user)
    assert client.get(reverse("accounts:profile")).status_code == 200
    data = {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "phone": "",
        "languages": "en,fr",
        "bio": "Maths",
    }
    assert client.post(reverse("accounts:profile"), data).status_code == 302
    person = Person.objects.get(user=user)
    assert (
        person.email == "ada@example.org"
        and not person.public_consent
        and person.consent_at is None
    )
    user.refresh_from_db()
    assert user.last_name == "Lovelace"
    client.post(reverse("accounts:profile"), {**data, "public_consent": "on"})
    person.refresh_from_db()
    assert person.public_consent and person.consent_at is not None
    assert Person.objects.filter(user=user).count() == 1


def test_profile_rejects_bad_languages(client, user):
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"), {"first_name": "A", "last_name": "B", "languages": "french"}
    )
    assert response.status_code == 200 and "two-letter language codes" in response.content.decode()
    assert not Person.objects.filter(user=user).exists()


def test_token_issue_shown_once_use_and_revoke(client, user):
    client.force_login(user)
    response = client.post(reverse("accounts:tokens"), {"name": "CRM sync"}, follow=True)
    html = response.content.decode()
    token = re.search(r'id="new-token-value">([^<]+)<', html).group(1)
    assert "CRM sync" in html
    # shown once only
    assert token not in client.get(reverse("accounts:tokens")).content.decode()
    obj = ApiToken.objects.get(user=user)
    assert obj.key_hash == ApiToken.hash(token) and token.startswith(obj.prefix)

    client.logout()
    api = client.get("/api/v1/people", headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 200
    obj.refresh_from_db()
    assert obj.last_used_at is not None

    client.force_login(user)
    assert client.post(reverse("accounts:revoke_token", args=[obj.pk])).status_code == 302
    assert not ApiToken.objects.filter(pk=obj.pk).exists()
    client.logout()
    response = client.post(
        "/api/v1/organisations",
        {"name": "X", "kind": "company", "country": "FR"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 401


def test_cannot_revoke_someone_elses_token(client, user):
    other = UserFactory()
    obj, _token = ApiToken.issue(user=other, name="theirs")
    client.force_login(user)
    assert client.post(reverse("accounts:revoke_token", args=[obj.pk])).status_code == 404
    assert ApiToken.objects.filter(pk=obj.pk).exists()
    assert client.get(reverse("accounts:revoke_token", args=[obj.pk])).status_code == 405


def test_token_needs_a_name(client, user):
    client.force_login(user)
    response = client.post(reverse("accounts:tokens"), {"name": "  "})
    assert response.status_code == 200 and not ApiToken.objects.exists()
    with pytest.raises(Exception, match="name"):
        services.issue_token(user=user, name="")
