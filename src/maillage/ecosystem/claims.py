"""Company pages: a participant's organisation page, claimed and edited by its own people.

A signed-in user linked to a person claims the page of the organisation they work for. When the
person's address (the one the account signs in with) is at the organisation's web domain
(``dualsun.com`` or a subdomain such as ``fr.dualsun.com``), the claim is approved at once;
otherwise it waits for the staff of the organisation's host park, who approve or refuse it
(platform admins decide the claims of organisations no park hosts). An approved claim lets its
holder edit the page's own fields (``PAGE_FIELDS``), never its name, kind, web address, park
or parent, which stay with the staff. Who may do what is in rules.py.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from maillage.ecosystem import services
from maillage.ecosystem.models import Organisation, PageClaim, Sector
from maillage.ecosystem.rules import staff_organisation_ids
from maillage.mail.services import queue_mail

Status = PageClaim.Status

# What the organisation's own people edit on its page.
PAGE_FIELDS = (
    "aliases",
    "description_en",
    "description_fr",
    "city",
    "address",
    "size_band",
    "founded_year",
)

# Domains many unrelated people have addresses or pages at: never a proof of belonging.
# fmt: off
SHARED_DOMAINS = frozenset((
    "gmail.com", "googlemail.com", "outlook.com", "outlook.fr", "hotmail.com", "hotmail.fr",
    "live.com", "live.fr", "msn.com", "yahoo.com", "yahoo.fr", "icloud.com", "me.com", "aol.com",
    "gmx.com", "gmx.fr", "gmx.de", "proton.me", "protonmail.com", "orange.fr", "wanadoo.fr",
    "free.fr", "sfr.fr", "laposte.net", "bbox.fr", "neuf.fr", "qq.com", "163.com", "126.com",
    "sina.com", "foxmail.com", "linkedin.com", "facebook.com", "instagram.com", "twitter.com",
    "x.com", "github.com", "github.io", "gitlab.io", "wixsite.com", "wordpress.com",
    "blogspot.com", "medium.com", "sites.google.com", "google.com", "notion.site",
))
# fmt: on


def address_domain(email: str) -> str:
    return email.rpartition("@")[2].strip().lower().rstrip(".") if "@" in (email or "") else ""


def domain_matches(email: str, website_domain: str) -> bool:
    """The address is at the web domain or one of its subdomains (and neither is shared)."""
    domain, site = address_domain(email), (website_domain or "").lower()
    if not domain or not site or site in SHARED_DOMAINS or domain in SHARED_DOMAINS:
        return False
    return domain == site or domain.endswith("." + site)


def no_profile_message() -> str:
    """Why an account without a directory profile cannot claim a page, and how to get one."""
    return _(
        "You need a directory profile linked to your account to claim a page. Ask your park's "
        "staff to add you to the directory with this account's e-mail address; the profile is linked "
        "when you sign in from the invitation they send you."
    )


def _proven_address(user) -> str:
    """The person's address when the account signs in with it, else "" (nothing proven)."""
    person = user.person
    if person.email and person.email.strip().lower() == (user.email or "").strip().lower():
        return person.email
    return ""


@transaction.atomic
def claim_organisation(*, organisation: Organisation, user, message: str = "") -> PageClaim:
    """Claim the page: approved at once by the address domain, or waiting for the host park."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied(
            _("Sign in with the account of your directory profile to claim a page.")
        )
    if not hasattr(user, "person"):  # checked first: a platform admin passes has_perm
        raise PermissionDenied(no_profile_message())
    if not user.has_perm("ecosystem.claim_organisation", organisation):
        raise PermissionDenied(
            _("Parks and networks are run by their staff: their pages cannot be claimed.")
        )
    message = (message or "").strip()
    if len(message) > 1000:
        raise ValidationError({"message": _("Keep the message under 1,000 characters.")})
    claim = (
        PageClaim.objects.select_for_update().filter(organisation=organisation, user=user).first()
    )
    if claim is not None and claim.status == Status.APPROVED:
        return claim
    if claim is not None and claim.status == Status.PENDING:
        raise ValidationError(
            _("Your claim of this page already waits for the park's staff; they will decide soon.")
        )
    claim = claim or PageClaim(organisation=organisation, user=user)
    claim.message = message
    claim.by_domain = domain_matches(_proven_address(user), organisation.website_domain)
    claim.status = Status.APPROVED if claim.by_domain else Status.PENDING
    claim.decided_at = timezone.now() if claim.by_domain else None
    claim.decided_by = None
    claim.save()
    if hasattr(user, "_claimed_organisation_ids"):  # the rules' cache for this request
        del user._claimed_organisation_ids
    return claim


def _decide(claim: PageClaim, *, by, status: str) -> PageClaim:
    if not by.has_perm("ecosystem.decide_claim", claim):
        raise PermissionDenied(
            _("Only the staff of the park that hosts this organisation decide its claims.")
        )
    with transaction.atomic():
        claim = (
            PageClaim.objects.select_for_update()
            .select_related("organisation", "user")
            .get(pk=claim.pk)
        )
        if claim.status != Status.PENDING:
            raise ValidationError(
                _("This claim is already %(status)s; nothing to decide.")
                % {"status": claim.get_status_display()}
            )
        claim.status, claim.decided_at, claim.decided_by = status, timezone.now(), by
        claim.save(update_fields=["status", "decided_at", "decided_by"])
        _tell_claimant(claim)
    return claim


def approve_claim(*, claim: PageClaim, by) -> PageClaim:
    return _decide(claim, by=by, status=Status.APPROVED)


def refuse_claim(*, claim: PageClaim, by) -> PageClaim:
    return _decide(claim, by=by, status=Status.REFUSED)


def _tell_claimant(claim: PageClaim) -> None:
    person = getattr(claim.user, "person", None)
    language = (getattr(person, "languages", "") or "").split(",")[0].strip()
    with translation.override(language or settings.LANGUAGE_CODE):
        url = settings.SITE_URL + reverse(
            "ecosystem:organisation", kwargs={"slug": claim.organisation.slug}
        )
        body = render_to_string("ecosystem/email/claim_decided.txt", {"claim": claim, "url": url})
        subject = (
            _("You may now edit the page of %(name)s")
            if claim.status == Status.APPROVED
            else _("Your claim of the page of %(name)s was refused")
        ) % {"name": claim.organisation.name}
    queue_mail(
        to=claim.user.email,
        subject=subject,
        body=body,
        kind="claim_decided",
        key=f"claim:{claim.pk}:{claim.status}:{int(claim.decided_at.timestamp())}",
    )


def claims_to_decide(user, *, status: str = Status.PENDING) -> QuerySet[PageClaim]:
    """The claims the user may decide: of organisations their parks host (all for admins)."""
    claims = PageClaim.objects.select_related("organisation", "user__person", "decided_by")
    if not (user.is_active and user.is_superuser):
        claims = claims.filter(organisation__host_park_id__in=staff_organisation_ids(user))
    return claims.filter(status=status) if status else claims


def claim_of(user, organisation: Organisation) -> PageClaim | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return PageClaim.objects.filter(user=user, organisation=organisation).first()


def page_context(user, organisation: Organisation) -> dict:
    """What the organisation's page offers the visitor about its claims."""
    return {
        "can_edit_page": user.has_perm("ecosystem.edit_organisation_page", organisation),
        "can_claim": user.has_perm("ecosystem.claim_organisation", organisation),
        "page_claim": claim_of(user, organisation),
    }


def update_page(
    organisation: Organisation, *, by, sectors: Iterable[Sector] | None = None, **fields
) -> Organisation:
    """Change the page's own fields; `by` manages the organisation or holds an approved claim."""
    if not by.has_perm("ecosystem.edit_organisation_page", organisation):
        raise PermissionDenied(
            _("You may not edit this page: claim it first, or ask your park's staff.")
        )
    unknown = set(fields) - set(PAGE_FIELDS)
    if unknown:
        raise ValidationError(
            _("These fields are kept by the park's staff: %(fields)s.")
            % {"fields": ", ".join(sorted(unknown))}
        )
    # The check above is the permission; the directory service then validates and saves.
    return services.update_organisation(organisation, by=None, sectors=sectors, **fields)
