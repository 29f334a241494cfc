"""Sign-in links (django-sesame): one purpose and one landing page each, expiring, revocable;
"send me a sign-in link" answers alike for known and unknown addresses and is rate-limited."""

import re
import time
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from maillage.accounts import links, rate_limits
from maillage.mail.models import OutgoingMail
from tests.ecosystem.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits_and_language():
    cache.clear()
    yield
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)  # a French page must not leak into the next test


@pytest.fixture
def user():
    return UserFactory(email="ada@example.org", first_name="Ada")


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def with_query(url: str, **changes) -> str:
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    query.update(changes)
    return f"{parts.path}?{urlencode(query)}"


def signed_in_id(client):
    return client.session.get("_auth_user_id")


def made_days_ago(monkeypatch, days: float, make):
    real = time.time
    with monkeypatch.context() as m:
        m.setattr(time, "time", lambda: real() - days * 86400)
        return make()


def test_link_signs_in_and_lands_on_next(client, user):
    url = links.sign_in_url(user, next_url="/events/", scope="agenda")
    assert url.startswith("http://") and "sesame=" in url
    response = client.get(path_of(url))
    assert response.status_code == 302 and response["Location"] == "/events/"
    assert signed_in_id(client) == str(user.pk)


@pytest.mark.parametrize(
    "change",
    [
        {"sesame": "AAAAAQ" + "x" * 20},  # altered token
        {"scope": "login"},  # the token made for another purpose
        {"next": "/accounts/tokens/"},  # another landing page
    ],
    ids=["altered", "wrong-scope", "other-next"],
)
def test_altered_or_rescoped_link_is_refused_and_changes_nothing(client, user, change):
    url = links.sign_in_url(user, next_url="/events/", scope="agenda")
    response = client.get(with_query(url, **change))
    page = response.content.decode()
    assert response.status_code == 400 and "This link no longer works" in page
    assert "Send me a sign-in link" in page and "ada@example.org" not in page
    assert signed_in_id(client) is None
    user.refresh_from_db()
    assert user.last_login is None


def test_a_truncated_token_is_refused(client, user):
    url = links.sign_in_url(user, next_url="/", scope="agenda")
    token = parse_qs(urlsplit(url).query)["sesame"][0]
    assert client.get(with_query(url, sesame=token[:-3])).status_code == 400
    assert signed_in_id(client) is None


def test_expired_link_is_refused(client, user, settings, monkeypatch):
    old = made_days_ago(
        monkeypatch,
        settings.INVITATION_DAYS + 1,
        lambda: links.sign_in_url(user, next_url="/", scope="agenda"),
    )
    fresh = made_days_ago(
        monkeypatch,
        settings.INVITATION_DAYS - 1,
        lambda: links.sign_in_url(user, next_url="/", scope="agenda"),
    )
    assert client.get(path_of(old)).status_code == 400
    assert signed_in_id(client) is None
    assert client.get(path_of(fresh)).status_code == 302


def test_login_page_links_live_an_hour(client, user, monkeypatch):
    old = made_days_ago(
        monkeypatch, 2 / 24, lambda: links.sign_in_url(user, next_url="/", scope=links.LOGIN_SCOPE)
    )
    assert client.get(path_of(old)).status_code == 400


def test_setting_a_password_or_deactivating_revokes_links(client, user):
    first = links.sign_in_url(user, next_url="/", scope="agenda")
    user.set_password("another-long-passphrase")
    user.save()
    assert client.get(path_of(first)).status_code == 400
    second = links.sign_in_url(user, next_url="/", scope="agenda")
    user.is_active = False
    user.save()
    assert client.get(path_of(second)).status_code == 400
    assert signed_in_id(client) is None


def test_never_lands_on_another_site(client, user):
    url = links.sign_in_url(user, next_url="https://evil.example/x", scope="agenda")
    assert parse_qs(urlsplit(url).query)["next"] == ["/"]
    assert client.get(path_of(url))["Location"] == "/"
    assert links.safe_next("//evil.example/") == "/"


def test_a_scope_is_required(user):
    with pytest.raises(ValueError):
        links.sign_in_url(user, next_url="/", scope="")


class TestAskForALink:
    def ask(self, client, email, next_url="/events/", **extra):
        return client.post(
            reverse("accounts:request_link"), {"email": email, "next": next_url}, **extra
        )

    def test_login_page_offers_it(self, client):
        page = client.get(reverse("accounts:login")).content.decode()
        assert "Send me a sign-in link" in page and reverse("accounts:request_link") in page

    def test_known_and_unknown_addresses_get_the_same_answer(self, client, user):
        known = self.ask(client, "ADA@example.org")
        unknown = self.ask(client, "nobody@example.org")
        assert known.status_code == unknown.status_code == 200

        def scrub(response, email):  # the address typed and the per-request CSRF tokens aside
            page = response.content.decode().replace(email, "ADDRESS")
            return re.sub(r"[A-Za-z0-9]{64}", "CSRF", page)

        assert scrub(known, "ADA@example.org") == scrub(unknown, "nobody@example.org")
        assert list(OutgoingMail.objects.values_list("to", flat=True)) == ["ada@example.org"]

    def test_the_mailed_link_lands_where_the_user_wanted(self, client, user):
        self.ask(client, "ada@example.org", next_url="/events/")
        mail = OutgoingMail.objects.get()
        assert mail.kind == "sign_in" and "Hello Ada" in mail.body
        url = re.search(r"https?://\S+/accounts/link/\S+", mail.body).group(0)
        response = client.get(path_of(url))
        assert response["Location"] == "/events/" and signed_in_id(client) == str(user.pk)

    def test_an_inactive_account_gets_nothing(self, client, user):
        user.is_active = False
        user.save()
        assert self.ask(client, "ada@example.org").status_code == 200
        assert not OutgoingMail.objects.exists()

    def test_rate_limited_per_address(self, client, user):
        for _n in range(rate_limits.PER_ADDRESS):
            assert self.ask(client, "ada@example.org").status_code == 200
        response = self.ask(client, "ada@example.org")
        assert response.status_code == 429 and "Too many requests" in response.content.decode()
        assert OutgoingMail.objects.count() == rate_limits.PER_ADDRESS
        # the limit is the same for an unknown address: it says nothing about accounts
        for _n in range(rate_limits.PER_ADDRESS):
            self.ask(client, "nobody@example.org")
        assert self.ask(client, "nobody@example.org").status_code == 429

    def test_rate_limited_per_client(self, client, user):
        for n in range(rate_limits.PER_CLIENT):
            assert self.ask(client, f"sweep{n}@example.org").status_code == 200
        assert self.ask(client, "ada@example.org").status_code == 429
        assert not OutgoingMail.objects.exists()
        other = self.ask(client, "ada@example.org", REMOTE_ADDR="10.0.0.9")
        assert other.status_code == 200 and OutgoingMail.objects.count() == 1

    def test_bad_address_is_explained(self, client):
        response = self.ask(client, "not-an-address")
        assert response.status_code == 200 and "valid email" in response.content.decode().lower()

    def test_french(self, client, user):
        user.language = "fr"
        user.save()
        client.cookies["django_language"] = "fr"
        page = client.get(reverse("accounts:login")).content.decode()
        assert "Envoyez-moi un lien de connexion" in page
        self.ask(client, "ada@example.org")
        assert OutgoingMail.objects.get().subject == "Votre lien de connexion à maillage"


def test_link_arrives_through_a_real_smtp_server(
    client, user, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:request_link"), {"email": "ada@example.org", "next": "/"})
    smtp_server.wait_for(1)
    message = smtp_server.messages[0]
    assert message["To"] == "ada@example.org"
    body = message.get_body(preferencelist=("plain",)).get_content()
    url = re.search(r"https?://\S+/accounts/link/\S+", body).group(0)
    assert client.get(path_of(url)).status_code == 302
    assert signed_in_id(client) == str(user.pk)
