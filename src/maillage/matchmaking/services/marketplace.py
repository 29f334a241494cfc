"""The marketplace of an event: participants publish offers and requests, others react.

Every state change is here (plain functions with keyword arguments); reads are in
``selectors/marketplace.py``. The acting participant is passed in: views find it from the
signed-in user, so nobody can publish or react in someone else's name.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from maillage.matchmaking.enums import OpportunityCategory, OpportunityKind
from maillage.matchmaking.models import Opportunity, OpportunityReaction, Participant

EDITABLE = ("kind", "category", "title", "description", "keywords", "language", "is_public")
MAX_KEYWORDS = 12


def clean_keywords(value: str) -> str:
    """'Solar, coatings;  solar ' -> 'Solar, coatings' (commas or semicolons, no duplicates)."""
    seen, out = set(), []
    for raw in (value or "").replace(";", ",").split(","):
        word = " ".join(raw.split())
        if word and word.lower() not in seen:
            seen.add(word.lower())
            out.append(word)
    if len(out) > MAX_KEYWORDS:
        raise ValidationError(
            {
                "keywords": _("Give at most %(max)s keywords; there are %(count)s.")
                % {"max": MAX_KEYWORDS, "count": len(out)}
            }
        )
    return ", ".join(out)


def _check(opportunity: Opportunity) -> None:
    if opportunity.kind not in OpportunityKind.values:
        raise ValidationError({"kind": _("Choose whether this is an offer or a request.")})
    if opportunity.category not in OpportunityCategory.values:
        raise ValidationError({"category": _("Choose a category from the list.")})
    opportunity.title = " ".join((opportunity.title or "").split())
    if not opportunity.title:
        raise ValidationError({"title": _("Give a title that says what you offer or look for.")})
    opportunity.keywords = clean_keywords(opportunity.keywords)
    opportunity.full_clean(exclude=["participant"])


def _check_owner(opportunity: Opportunity, by: Participant | None, staff: bool) -> None:
    if staff:
        return
    if by is None or opportunity.participant_id != by.pk:
        raise PermissionDenied(
            _("Only the participant who published this opportunity may change it.")
        )


@transaction.atomic
def publish_opportunity(
    *,
    participant: Participant,
    kind: str,
    category: str,
    title: str,
    description: str = "",
    sectors: Iterable = (),
    keywords: str = "",
    language: str = "",
    is_public: bool = True,
) -> Opportunity:
    opportunity = Opportunity(
        participant=participant,
        kind=kind,
        category=category,
        title=title,
        description=(description or "").strip(),
        keywords=keywords,
        language=language,
        is_public=is_public,
    )
    _check(opportunity)
    opportunity.save()
    opportunity.sectors.set(list(sectors))
    return opportunity


@transaction.atomic
def edit_opportunity(
    *,
    opportunity: Opportunity,
    by: Participant | None = None,
    staff: bool = False,
    sectors: Iterable | None = None,
    **fields,
) -> Opportunity:
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError(
            _("These fields cannot be changed: %(fields)s.")
            % {"fields": ", ".join(sorted(unknown))}
        )
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    _check_owner(opportunity, by, staff)
    for name, value in fields.items():
        setattr(opportunity, name, value.strip() if name == "description" else value)
    _check(opportunity)
    opportunity.save()
    if sectors is not None:
        opportunity.sectors.set(list(sectors))
    return opportunity


@transaction.atomic
def withdraw_opportunity(
    *, opportunity: Opportunity, by: Participant | None = None, staff: bool = False
) -> None:
    """Remove an opportunity and the reactions to it (organisers may moderate too)."""
    _check_owner(opportunity, by, staff)
    opportunity.delete()


def react(*, opportunity: Opportunity, author: Participant, message: str) -> OpportunityReaction:
    """Answer an opportunity with a message its author reads on their marketplace page."""
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": _("Write a message: say why you are interested.")})
    if len(message) > 2000:
        raise ValidationError({"message": _("Keep the message under 2,000 characters.")})
    owner = opportunity.participant
    if author.pk == owner.pk:
        raise ValidationError(_("This is your own opportunity: you cannot react to it."))
    if author.session.event_id != owner.session.event_id:
        raise PermissionDenied(_("Only participants of the same event may react."))
    return OpportunityReaction.objects.create(
        opportunity=opportunity, author=author, message=message
    )
