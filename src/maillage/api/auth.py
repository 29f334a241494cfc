"""API authentication: a personal token (`Authorization: Bearer <token>`) or the browser session.

Anonymous callers are let through as AnonymousUser; each endpoint decides what they may see.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from ninja.security import HttpBearer


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        from maillage.accounts.models import ApiToken

        user = ApiToken.user_for(token)
        if user is not None:
            request.user = user
        return user


def session_or_anonymous(request):
    user = getattr(request, "user", None)
    return user if user is not None else AnonymousUser()
