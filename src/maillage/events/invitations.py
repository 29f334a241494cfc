"""Invitations: the organiser lets registrants in with a personal sign-in link.

Each confirmed registrant who has not signed in yet gets an e-mail in their language with a
link that signs them in and lands on the event's participant hub. The account is opened for
the person of the directory when the first invitation is sent (it has no password; the link is
the way in), so that the link can be signed for it (django-sesame, accounts/links.py).

The link's scope is ``invitation:<registration id>:<nonce>``; the nonce lives on the
``Invitation`` row and is replaced when the registration is cancelled or declined, which
revokes every link sent before. Links expire after ``INVITATION_DAYS`` days; sending again
makes a fresh link (earlier ones keep working until they expire).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maillage.accounts import links, rate_limits
from maillage.accounts.languages import preferred_language
from maillage.accounts.sign_in_links import account_for, open_accounts
from maillage.events.models import Event, Invitation, Registration, new_token
from maillage.mail.models import OutgoingMail
from maillage.mail.services import queue_mail, queue_mails

RENEWALS_PER_WINDOW = 3  # "send me a new link" on a dead invitation link, per registration


@dataclass(frozen=True)
class InviteResult:
    mails: list[OutgoingMail]
    skipped: int  # asked for but not sent: already signed in, or no address

    @property
    def sent(self) -> int:
        return len(self.mails)

    def message(self) -> str:
        text = ngettext(
            "%(n)s invitation is on its way.", "%(n)s invitations are on their way.", self.sent
        ) % {"n": self.sent}
        if self.skipped:
            text += " " + ngettext(
                "%(n)s registrant was left out: already signed in, or no e-mail address.",
                "%(n)s registrants were left out: already signed in, or no e-mail address.",
                self.skipped,
            ) % {"n": self.skipped}
        return text


def scope_of(invitation: Invitation) -> str:
    return f"invitation:{invitation.registration_id}:{invitation.nonce}"


def not_signed_in(qs: QuerySet[Registration]) -> QuerySet[Registration]:
    """Registrations whose person has no account yet, or an account never signed in to."""
    return qs.filter(Q(person__user__isnull=True) | Q(person__user__last_login__isnull=True))


def awaiting(event: Event, *, resend: bool = False) -> QuerySet[Registration]:
    """Who an invitation of the whole event goes to: confirmed registrants with an address who
    have not signed in yet and were not invited yet (with ``resend``: invited or not)."""
    qs = not_signed_in(event.registrations.confirmed()).exclude(person__email="")
    if not resend:
        qs = qs.filter(invitation__isnull=True)
    return qs


def invite(
    *,
    event: Event,
    registration_ids: list[int] | None = None,
    by=None,
    resend: bool = False,
    now: dt.datetime | None = None,
) -> InviteResult:
    """Invite every registrant still awaiting one (see ``awaiting``), or the registrations
    chosen by id, which are (re)sent their link unless they signed in already.

    Raises ValidationError when a chosen id is not a confirmed registration of the event."""
    now = now or timezone.now()
    with transaction.atomic():
        if registration_ids is None:
            chosen = list(awaiting(event, resend=resend).select_related("person__user", "event"))
            skipped = 0
        else:
            ids = {int(i) for i in registration_ids}
            confirmed = event.registrations.confirmed().filter(pk__in=ids)
            if confirmed.count() != len(ids):
                raise ValidationError(
                    _(
                        "Only confirmed registrations of this event can be invited; "
                        "approve the others first or untick them."
                    )
                )
            chosen = list(
                not_signed_in(confirmed)
                .exclude(person__email="")
                .select_related("person__user", "event")
            )
            skipped = len(ids) - len(chosen)
        accounts = open_accounts([r.person for r in chosen])
        sent = [r for r in chosen if r.person_id in accounts]
        invitations = _count_sending(sent, by=by, now=now)
        template = get_template(INVITATION_TEMPLATE)  # compiled once for the whole mailing
        mails = queue_mails(
            mails=[_mail(r, invitations[r.pk], accounts[r.person_id], template) for r in sent]
        )
    return InviteResult(mails=mails, skipped=skipped + len(chosen) - len(sent))


def _count_sending(registrations: list[Registration], *, by, now) -> dict[int, Invitation]:
    """The invitation rows of these registrations, created or counted one more send."""
    have = set(
        Invitation.objects.filter(registration__in=registrations).values_list(
            "registration_id", flat=True
        )
    )
    Invitation.objects.bulk_create(
        Invitation(registration=r, first_sent_at=now, last_sent_at=now, sent_by=by)
        for r in registrations
        if r.pk not in have
    )
    rows = Invitation.objects.filter(registration__in=registrations)
    rows.update(sent_count=F("sent_count") + 1, last_sent_at=now)
    by_registration = {i.registration_id: i for i in rows}
    for registration in registrations:
        by_registration[registration.pk].registration = registration
    return by_registration


def invitation_url(invitation: Invitation, user) -> str:
    registration = invitation.registration
    path = reverse(
        "events:invitation",
        kwargs={"slug": registration.event.slug, "registration_id": registration.pk},
    )
    token = links.token_for(user, scope=scope_of(invitation))
    return f"{settings.SITE_URL}{path}?{urlencode({'sesame': token})}"


def send_invitation(
    *, registration: Registration, by=None, now: dt.datetime | None = None
) -> OutgoingMail:
    """Open the person's account if needed and mail them a fresh invitation link."""
    now = now or timezone.now()
    person = registration.person
    if not person.email:
        raise ValidationError(
            _("%(name)s has no e-mail address; add it in the directory first.") % {"name": person}
        )
    user = account_for(person)
    invitation = _count_sending([registration], by=by, now=now)[registration.pk]
    return queue_mail(**_mail(registration, invitation, user, get_template(INVITATION_TEMPLATE)))


INVITATION_TEMPLATE = "events/email/invitation.txt"


def _mail(registration: Registration, invitation: Invitation, user, template) -> dict:
    """The invitation mail's ``queue_mail`` arguments, rendered in the person's language."""
    person, event = registration.person, registration.event
    language = preferred_language(user=user, person=person, used=registration.language)
    with translation.override(language), timezone.override(event.zone):
        body = template.render(
            {
                "event": event,
                "person": person,
                "url": invitation_url(invitation, user),
                "days": settings.INVITATION_DAYS,
                "site_url": settings.SITE_URL,
            },
        )
        subject = _("Your invitation: %(title)s") % {"title": event.title}
    return {
        "to": person.email,
        "subject": subject,
        "body": body,
        "event": event,
        "kind": "invitation",
        "key": f"invitation:{invitation.pk}:{invitation.sent_count}",
    }


def revoke(*, registration: Registration) -> None:
    """Every invitation link of the registration stops working (cancelled or declined)."""
    Invitation.objects.filter(registration=registration).update(nonce=new_token())


def open_invitation(request, *, slug: str, registration_id: int) -> Registration | None:
    """The registration whose invitation link this request carries, with its person's account
    signed in; None (nothing changed) when the link is altered, expired, revoked or not for
    this registration."""
    registration = (
        Registration.objects.select_related("event", "person", "invitation")
        .filter(pk=registration_id, event__slug=slug)
        .first()
    )
    invitation = getattr(registration, "invitation", None) if registration else None
    if invitation is None or not registration.is_active:
        return None
    user = links.user_from_link(request, scope=scope_of(invitation))
    if user is None or user.pk != registration.person.user_id:
        return None
    Invitation.objects.filter(pk=invitation.pk, opened_at__isnull=True).update(
        opened_at=timezone.now()
    )
    links.sign_in(request, user)
    return registration


def renew(request, *, slug: str, registration_id: int) -> None:
    """A dead invitation link asks for a new one: sent to the registrant's address on file if
    the registration is still invited and active. Says nothing either way."""
    if not rate_limits.allow(
        purpose="invitation-renew", key=f"{registration_id}", limit=RENEWALS_PER_WINDOW
    ):
        return
    registration = (
        Registration.objects.select_related("event", "person")
        .filter(pk=registration_id, event__slug=slug, invitation__isnull=False)
        .first()
    )
    if registration is not None and registration.is_active and registration.person.email:
        send_invitation(registration=registration)


def landing_url(registration: Registration) -> str:
    """The participant hub of the event when they take part in its meetings, else their
    registration page."""
    if registration.meeting_participations.exists():
        return reverse("matchmaking:hub", kwargs={"slug": registration.event.slug})
    return registration.get_absolute_url()
