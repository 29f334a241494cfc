"""Object access for the pages: load a session and check its permission in one call."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from maillage.matchmaking.models import MeetingSession


def managed_session(request, session_id: int) -> MeetingSession:
    """The session, if the user may manage it (``matchmaking.manage_session``); else 403."""
    session = get_object_or_404(MeetingSession.objects.select_related("event"), pk=session_id)
    if not request.user.has_perm("matchmaking.manage_session", session):
        raise PermissionDenied(_("Only the organisers of this event may do this."))
    return session
