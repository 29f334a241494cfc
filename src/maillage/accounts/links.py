"""Sign-in links: django-sesame tokens, each bound to one purpose (its scope) and one landing page.

A link signs its holder in as the user it was made for, so it is only ever mailed to that
user's address. The token is signed with the secret key over the user's id, the time it was
made, the user's password hash (setting a password revokes every link) and the *bound scope*:
the purpose and the landing path together, so neither can be changed in the address without
breaking the signature. Links expire after ``INVITATION_DAYS`` days (the ``invitation_days``
setting); a link asked for on the login page lives ``LOGIN_LINK_MINUTES`` only.

Purposes that must be revocable one by one (an invitation, tied to its registration) put a
nonce of their own in the scope and check it when the link is opened (events/invitations.py).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import login
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from sesame.utils import get_token, get_user

LOGIN_SCOPE = "login"  # links asked for on the login page
LOGIN_LINK_MINUTES = 60
SHORT_LIVED = {LOGIN_SCOPE: LOGIN_LINK_MINUTES * 60}  # scope -> max age in seconds


def safe_next(next_url: str, *, default: str = "/") -> str:
    """A landing path on this site only: never another host (no open redirect)."""
    next_url = (next_url or "").strip()
    if (
        next_url.startswith("/")
        and not next_url.startswith("//")
        and url_has_allowed_host_and_scheme(next_url, allowed_hosts=None)
    ):
        return next_url
    return default


def _bound(scope: str, next_url: str) -> str:
    return f"{scope}\n{next_url}"


def token_for(user, *, scope: str, next_url: str = "") -> str:
    """The bare token (for purposes that build their own address, such as invitations)."""
    if not scope:
        raise ValueError("a sign-in link needs a scope: one purpose per token")
    return get_token(user, scope=_bound(scope, next_url))


def sign_in_url(user, *, next_url: str, scope: str) -> str:
    """Absolute address that signs ``user`` in and lands on ``next_url`` (a path of this site)."""
    next_url = safe_next(next_url)
    query = urlencode(
        {
            "scope": scope,
            "next": next_url,
            "sesame": token_for(user, scope=scope, next_url=next_url),
        }
    )
    return f"{settings.SITE_URL}{reverse('accounts:link')}?{query}"


def user_from_link(request, *, scope: str, next_url: str = ""):
    """The active user the link's token (``?sesame=``) was made for, or None when it is altered,
    expired, revoked, or made for another purpose or landing page. Never raises. The request
    is passed on so that login protection sees the attempt."""
    if not scope or not request.GET.get("sesame"):
        return None
    return get_user(
        request,
        scope=_bound(scope, next_url),
        max_age=SHORT_LIVED.get(scope),
        update_last_login=False,  # login() records it
    )


def sign_in(request, user) -> None:
    """Open a session for a user returned by ``user_from_link``."""
    login(request, user, backend="sesame.backends.ModelBackend")
