"""Template context shared by every page: whether the navigation shows the staff entries.

The answer reads the staff organisations cached on the request's user (``rules``), so the
navigation costs at most one query per request, and none when the view already asked."""

from __future__ import annotations

from maillage.ecosystem.rules import staff_organisation_ids


def navigation(request):
    user = getattr(request, "user", None)

    def nav_staff() -> bool:
        if not (user and user.is_authenticated and user.is_active):
            return False
        return bool(user.is_superuser or staff_organisation_ids(user))

    return {"nav_staff": nav_staff}
