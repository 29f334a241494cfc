"""Wish mode: until the session's deadline participants mark whom they must, would like or
would rather not meet; the optimiser turns the wishes into a schedule."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.matchmaking.enums import WishLevel
from maillage.matchmaking.models import MeetingSession, Participant, Wish
from maillage.matchmaking.services.sessions import may_meet


def wishes_open(session: MeetingSession) -> bool:
    return session.wish_deadline is None or timezone.now() < session.wish_deadline


def set_wish(*, author: Participant, target: Participant, level: str | None) -> Wish | None:
    """Mark (or with ``level`` None, clear) a wish of ``author`` about ``target``."""
    session = author.session
    if target.session_id != author.session_id:
        raise ValidationError(_("You can only mark participants of the same meeting session."))
    if target.id == author.id:
        raise ValidationError(_("You cannot mark yourself."))
    if not wishes_open(session):
        raise ValidationError(
            _("Wishes closed on %(date)s; ask the organisers for a meeting instead.")
            % {
                "date": timezone.localtime(session.wish_deadline, session.event.zone).strftime(
                    "%d/%m/%Y %H:%M"
                )
            }
        )
    if level in (None, ""):
        Wish.objects.filter(session=session, author=author, target=target).delete()
        return None
    if level not in WishLevel.values:
        raise ValidationError(
            _("Unknown wish “%(level)s”; choose must meet, would like or no thanks.")
            % {"level": level}
        )
    if level != WishLevel.NO_THANKS and not may_meet(
        session, author.participation_type, target.participation_type
    ):
        raise ValidationError(
            _("In this session, a %(a)s may not meet a %(b)s, so %(who)s cannot be wished for.")
            % {
                "a": author.registration.get_participation_type_display(),
                "b": target.registration.get_participation_type_display(),
                "who": target.person_name,
            }
        )
    wish, _created = Wish.objects.update_or_create(
        session=session, author=author, target=target, defaults={"level": level}
    )
    return wish
