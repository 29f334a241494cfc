"""Object access for views: invisible objects are 404 (their existence is not disclosed),
visible but not editable ones are 403."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404


def check(user, obj, *, view: str, change: str | None = None):
    if not user.has_perm(view, obj):
        raise Http404
    if change and not user.has_perm(change, obj):
        raise PermissionDenied
    return obj
