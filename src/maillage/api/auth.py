"""API authentication, defined once for every router: a personal token
(`Authorization: Bearer <token>`) or the browser session.

- ``READ_AUTH`` (the API's default): anyone; anonymous callers come through as AnonymousUser
  and each endpoint decides what they may see.
- ``WRITE_AUTH``: a signed-in caller — a valid token, or a signed-in browser session that also
  sends its CSRF token. An anonymous caller gets 401 (not a CSRF complaint); a signed-in browser
  without the CSRF token gets 403.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from maillage.accounts.models import ApiToken


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = ApiToken.user_for(token)
        if user is not None:
            request.user = user
        return user


class SignedInSession(APIKeyCookie):
    """The browser session of a signed-in user; the CSRF token is checked only for them, so an
    anonymous caller falls through to the 401 answer."""

    param_name: str = settings.SESSION_COOKIE_NAME

    def __init__(self) -> None:
        super().__init__(csrf=False)

    def authenticate(self, request, key):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise HttpError(
                403,
                _(
                    "The CSRF token is missing or wrong: send the csrftoken cookie's value in "
                    "the X-CSRFToken header, or use an API token."
                ),
            )
        return user


def session_or_anonymous(request):
    user = getattr(request, "user", None)
    return user if user is not None else AnonymousUser()


READ_AUTH = [TokenAuth(), session_or_anonymous]
WRITE_AUTH = [TokenAuth(), SignedInSession()]
