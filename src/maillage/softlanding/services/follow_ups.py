"""Delegation follow-ups that led to a soft-landing application: the follow-up is written by
partnerships' service, and soft landing holds the link (``FollowUpLink``), so the dependency
points one way (softlanding -> partnerships)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from maillage.partnerships import services as partnerships
from maillage.partnerships.enums import FollowUpKind
from maillage.partnerships.models import Delegation, FollowUp
from maillage.softlanding.models import Application, FollowUpLink


@transaction.atomic
def add_delegation_follow_up(
    *,
    delegation: Delegation,
    description: str,
    kind: str = FollowUpKind.APPLICATION,
    agreement=None,
    application: Application | None = None,
    due_on=None,
) -> FollowUp:
    """A follow-up of the delegation of any kind; one of kind "application" names the
    soft-landing application it led to, and is linked to it in the same transaction."""
    if kind == FollowUpKind.APPLICATION and application is None:
        raise ValidationError(
            {"application": _("Choose the soft-landing application this follow-up led to.")}
        )
    follow_up = partnerships.add_follow_up(
        delegation=delegation,
        description=description,
        kind=kind,
        agreement=agreement,
        due_on=due_on,
    )
    if kind == FollowUpKind.APPLICATION:
        FollowUpLink.objects.create(follow_up=follow_up, application=application)
    return follow_up
