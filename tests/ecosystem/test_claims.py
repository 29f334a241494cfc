"""Company pages: claimed by the organisation's own people — at once with an address at its
web domain, otherwise after the host park's staff approve — and edited within their fields."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from maillage.accounts.models import ApiToken
from maillage.ecosystem import claims
from maillage.ecosystem.models import Organisation, PageClaim
from maillage.mail.models import OutgoingMail
from tests.ecosystem.factories import (
    PASSWORD,
    NetworkFactory,
    OrganisationFactory,
    ParkFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
Status = PageClaim.Status


def person_user(email: str):
    user = UserFactory(email=email)
    PersonFactory(user=user, email=email, first_name="Zoé", last_name="Moreau")
    return user


def bearer(user):
    _, token = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.fixture
def park():
    return ParkFactory(name="Technopôle de Château-Gombert")


@pytest.fixture
def park_staff(park):
    return UserFactory(email="camille@chateau-gombert.example", staff_of=[park])


@pytest.fixture
def other_staff():
    return UserFactory(email="li@zgc.example", staff_of=[ParkFactory(name="Zhongguancun")])


@pytest.fixture
def dualsun(park):
    return OrganisationFactory(
        name="DualSun", kind="company", website="https://www.dualsun.com/fr", host_park=park
    )


class TestDomainRule:
    @pytest.mark.parametrize(
        "email, site, expected",
        [
            ("zoe@dualsun.com", "dualsun.com", True),
            ("zoe@fr.dualsun.com", "dualsun.com", True),
            ("ZOE@DualSun.com", "dualsun.com", True),
            ("zoe@notdualsun.com", "dualsun.com", False),
            ("zoe@dualsun.com.evil.example", "dualsun.com", False),
            ("zoe@gmail.com", "gmail.com", False),  # a shared domain proves nothing
            ("zoe@dualsun.com", "", False),
            ("", "dualsun.com", False),
        ],
    )
    def test_domain_matches(self, email, site, expected):
        assert claims.domain_matches(email, site) is expected


class TestClaims:
    def test_matching_domain_grants_edit_at_once(self, dualsun):
        user = person_user("zoe@dualsun.com")
        assert not user.has_perm("ecosystem.edit_organisation_page", dualsun)
        claim = claims.claim_organisation(organisation=dualsun, user=user)
        assert claim.status == Status.APPROVED and claim.by_domain
        assert user.has_perm("ecosystem.edit_organisation_page", dualsun)
        assert not user.has_perm("ecosystem.change_organisation", dualsun)  # page fields only
        claims.update_page(dualsun, by=user, description_en="Hybrid solar panels.")
        assert Organisation.objects.get(pk=dualsun.pk).description_en == "Hybrid solar panels."

    def test_other_domain_waits_for_the_host_park(self, dualsun, park_staff):
        user = person_user("zoe@gmail.com")
        claim = claims.claim_organisation(organisation=dualsun, user=user, message="CEO")
        assert claim.status == Status.PENDING and not claim.by_domain
        assert not user.has_perm("ecosystem.edit_organisation_page", dualsun)
        with pytest.raises(PermissionDenied):
            claims.update_page(dualsun, by=user, description_en="Mine now")
        with pytest.raises(ValidationError):  # a second claim while the first waits
            claims.claim_organisation(organisation=dualsun, user=user)
        assert list(claims.claims_to_decide(park_staff)) == [claim]
        claims.approve_claim(claim=claim, by=park_staff)
        user = type(user).objects.get(pk=user.pk)  # a new request: no cached rules
        assert user.has_perm("ecosystem.edit_organisation_page", dualsun)
        told = OutgoingMail.objects.get(to=user.email, kind="claim_decided")
        assert "DualSun" in told.subject

    def test_an_address_the_account_does_not_sign_in_with_proves_nothing(self, dualsun):
        user = UserFactory(email="zoe@gmail.com")
        PersonFactory(user=user, email="zoe@dualsun.com")  # typed by someone, never verified
        assert claims.claim_organisation(organisation=dualsun, user=user).status == Status.PENDING

    def test_another_parks_staff_cannot_approve(self, dualsun, other_staff):
        claim = claims.claim_organisation(organisation=dualsun, user=person_user("z@gmail.com"))
        assert list(claims.claims_to_decide(other_staff)) == []
        with pytest.raises(PermissionDenied):
            claims.approve_claim(claim=claim, by=other_staff)
        with pytest.raises(PermissionDenied):
            claims.refuse_claim(claim=claim, by=other_staff)
        network_staff = UserFactory(staff_of=[NetworkFactory()])
        with pytest.raises(PermissionDenied):
            claims.approve_claim(claim=claim, by=network_staff)
        assert PageClaim.objects.get(pk=claim.pk).status == Status.PENDING

    def test_refused_claim_grants_nothing_and_is_decided_once(self, dualsun, park_staff):
        user = person_user("z@gmail.com")
        claim = claims.claim_organisation(organisation=dualsun, user=user)
        claims.refuse_claim(claim=claim, by=park_staff)
        assert not user.has_perm("ecosystem.edit_organisation_page", dualsun)
        with pytest.raises(ValidationError):
            claims.approve_claim(claim=claim, by=park_staff)

    def test_a_claimant_cannot_edit_a_different_organisation(self, dualsun, park):
        user = person_user("zoe@dualsun.com")
        claims.claim_organisation(organisation=dualsun, user=user)
        neighbour = OrganisationFactory(name="Planktovie", kind="company", host_park=park)
        assert not user.has_perm("ecosystem.edit_organisation_page", neighbour)
        with pytest.raises(PermissionDenied):
            claims.update_page(neighbour, by=user, description_en="Taken over")
        assert Organisation.objects.get(pk=neighbour.pk).description_en == ""

    def test_claimant_keeps_off_the_staff_fields(self, dualsun):
        user = person_user("zoe@dualsun.com")
        claims.claim_organisation(organisation=dualsun, user=user)
        for field, value in (("website", "https://gmail.com"), ("host_park_id", None)):
            with pytest.raises(ValidationError):
                claims.update_page(dualsun, by=user, **{field: value})
        assert Organisation.objects.get(pk=dualsun.pk).website_domain == "dualsun.com"

    def test_parks_networks_and_people_without_profile_cannot_claim(self, park, dualsun):
        with pytest.raises(PermissionDenied):
            claims.claim_organisation(organisation=park, user=person_user("x@chateau.example"))
        with pytest.raises(PermissionDenied):
            claims.claim_organisation(organisation=dualsun, user=UserFactory())
        assert not PageClaim.objects.exists()


class TestPages:
    def login(self, client, user):
        assert client.login(email=user.email, password=PASSWORD)

    def test_claim_and_edit_through_the_pages(self, client, dualsun):
        user = person_user("zoe@dualsun.com")
        self.login(client, user)
        detail = client.get(dualsun.get_absolute_url())
        assert 'id="claim-page"' in detail.text
        client.post(reverse("ecosystem:organisation_claim", args=[dualsun.slug]))
        assert 'id="edit-page"' in client.get(dualsun.get_absolute_url()).text
        url = reverse("ecosystem:organisation_page", args=[dualsun.slug])
        form = client.get(url)
        assert form.status_code == 200 and 'name="website"' not in form.text
        response = client.post(url, {"description_en": "Solar", "city": "Marseille"})
        assert response.status_code == 302
        assert Organisation.objects.get(pk=dualsun.pk).description_en == "Solar"
        # the staff's full form stays closed
        full = client.get(reverse("ecosystem:organisation_update", args=[dualsun.slug]))
        assert full.status_code == 403

    def test_claims_page_for_the_host_park_only(self, client, dualsun, park_staff, other_staff):
        claimant = person_user("zoe@gmail.com")
        claim = claims.claim_organisation(organisation=dualsun, user=claimant)
        self.login(client, other_staff)
        assert "zoe@gmail.com" not in client.get(reverse("ecosystem:claims")).text
        client.post(reverse("ecosystem:claim_decide", args=[claim.pk, "approve"]))
        assert PageClaim.objects.get(pk=claim.pk).status == Status.PENDING
        client.logout()
        self.login(client, claimant)
        assert client.get(reverse("ecosystem:claims")).status_code == 403
        client.post(reverse("ecosystem:claim_decide", args=[claim.pk, "approve"]))
        assert PageClaim.objects.get(pk=claim.pk).status == Status.PENDING
        client.logout()
        self.login(client, park_staff)
        listed = client.get(reverse("ecosystem:claims"))
        assert "zoe@gmail.com" in listed.text and f'id="claim-{claim.pk}"' in listed.text
        client.post(reverse("ecosystem:claim_decide", args=[claim.pk, "approve"]))
        assert PageClaim.objects.get(pk=claim.pk).status == Status.APPROVED

    def test_anonymous_is_sent_to_sign_in(self, client, dualsun):
        for url in (
            reverse("ecosystem:organisation_page", args=[dualsun.slug]),
            reverse("ecosystem:claims"),
        ):
            response = client.get(url)
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        client.post(reverse("ecosystem:organisation_claim", args=[dualsun.slug]))
        assert not PageClaim.objects.exists()


class TestApi:
    def test_claim_list_and_decide(self, client, dualsun, park_staff, other_staff):
        claimant = person_user("zoe@gmail.com")
        url = f"/api/v1/organisations/{dualsun.slug}/claims"
        made = client.post(
            url, {"message": "CEO"}, content_type="application/json", **bearer(claimant)
        )
        assert made.status_code == 201 and made.json()["status"] == "pending"
        claim_id = made.json()["id"]
        again = client.post(url, {}, content_type="application/json", **bearer(claimant))
        assert again.status_code == 409
        assert client.get("/api/v1/claims", **bearer(other_staff)).json() == []
        denied = client.post(f"/api/v1/claims/{claim_id}/approve", **bearer(other_staff))
        assert denied.status_code == 404  # not theirs to see
        own = client.post(f"/api/v1/claims/{claim_id}/approve", **bearer(claimant))
        assert own.status_code == 403
        listed = client.get("/api/v1/claims", **bearer(park_staff)).json()
        assert [c["id"] for c in listed] == [claim_id]
        done = client.post(f"/api/v1/claims/{claim_id}/approve", **bearer(park_staff))
        assert done.status_code == 200 and done.json()["status"] == "approved"
        twice = client.post(f"/api/v1/claims/{claim_id}/refuse", **bearer(park_staff))
        assert twice.status_code == 409
        mine = client.get("/api/v1/claims/mine", **bearer(claimant)).json()
        assert [c["status"] for c in mine] == ["approved"]

    def test_anonymous_and_bad_input(self, client, dualsun):
        url = f"/api/v1/organisations/{dualsun.slug}/claims"
        assert client.post(url, {}, content_type="application/json").status_code == 401
        user = person_user("zoe@dualsun.com")
        long = client.post(
            url, {"message": "x" * 1001}, content_type="application/json", **bearer(user)
        )
        assert long.status_code == 422
        missing = client.post(
            "/api/v1/organisations/nope/claims", {}, content_type="application/json", **bearer(user)
        )
        assert missing.status_code == 404
        assert not PageClaim.objects.exists()


def test_claim_button_and_claims_page_speak_french(client, dualsun, park_staff):
    user = person_user("zoe@gmail.com")
    client.cookies["django_language"] = "fr"
    assert client.login(email=user.email, password=PASSWORD)
    assert "Revendiquer cette page" in client.get(dualsun.get_absolute_url()).text
    client.post(reverse("ecosystem:organisation_claim", args=[dualsun.slug]))
    assert "attend l’équipe du parc" in client.get(dualsun.get_absolute_url()).text
    client.logout()
    client.cookies["django_language"] = "fr"
    assert client.login(email=park_staff.email, password=PASSWORD)
    assert "Revendications de pages d’entreprise" in client.get(reverse("ecosystem:claims")).text


class TestAccountWithoutProfile:
    """A signed-in account with no directory profile (a platform admin, say) is told why it
    cannot claim and how to get a profile: no error page, nothing recorded."""

    @pytest.mark.parametrize("superuser", [True, False])
    def test_page_says_why(self, client, dualsun, superuser):
        user = UserFactory(
            email="root@maillage.example", is_superuser=superuser, is_staff=superuser
        )
        client.force_login(user)
        url = reverse("ecosystem:organisation_claim", args=[dualsun.slug])
        response = client.post(url, {"message": "mine"}, follow=True)
        assert response.status_code == 200
        assert "You need a directory profile linked to your account" in response.content.decode()
        assert not PageClaim.objects.exists()

    def test_page_says_why_in_french(self, client, dualsun):
        client.force_login(UserFactory(email="root@maillage.example", is_superuser=True))
        url = reverse("ecosystem:organisation_claim", args=[dualsun.slug])
        response = client.post(url, follow=True, HTTP_ACCEPT_LANGUAGE="fr")
        assert "fiche de l’annuaire liée à votre compte" in response.content.decode()

    def test_api_says_why(self, client, dualsun):
        admin = UserFactory(email="root@maillage.example", is_superuser=True, is_staff=True)
        url = f"/api/v1/organisations/{dualsun.slug}/claims"
        response = client.post(url, {}, content_type="application/json", **bearer(admin))
        assert response.status_code == 403
        assert "directory profile linked to your account" in response.content.decode()
        assert not PageClaim.objects.exists()
