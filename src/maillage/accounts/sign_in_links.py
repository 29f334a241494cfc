"""“Send me a sign-in link”: the login page's way in without a password, and the accounts that
invitations and verified registrations open for people of the directory.

The answer never says whether an account exists for the address (no enumeration): the same
page follows every request, and only an existing, active account gets a mail.
"""

from __future__ import annotations

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from maillage.accounts.languages import preferred_language
from maillage.accounts.links import LOGIN_LINK_MINUTES, LOGIN_SCOPE, safe_next, sign_in_url
from maillage.accounts.models import User
from maillage.ecosystem.models import Person
from maillage.mail.services import queue_mail


def find_user(email: str) -> User | None:
    return User.objects.filter(email__iexact=(email or "").strip(), is_active=True).first()


def send_sign_in_link(*, email: str, next_url: str = "/") -> bool:
    """Mail a short-lived sign-in link to the account of ``email``, if there is one.

    Returns whether a mail was queued: for tests and logs only, never shown to the visitor."""
    user = find_user(email)
    if user is None:
        return False
    person = Person.objects.filter(user=user).first()
    with translation.override(preferred_language(user=user, person=person)):
        url = sign_in_url(user, next_url=safe_next(next_url), scope=LOGIN_SCOPE)
        body = render_to_string(
            "accounts/email/sign_in_link.txt",
            {"user": user, "url": url, "minutes": LOGIN_LINK_MINUTES},
        )
        queue_mail(
            to=user.email, subject=_("Your sign-in link to maillage"), body=body, kind="sign_in"
        )
    return True


@transaction.atomic
def account_for(person: Person) -> User:
    """The account of a person of the directory, opened (without a password) when they have
    none: found by the person's link, else by the address, else created and linked."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.user_id:
        return person.user
    email = person.email.strip().lower()
    if not email:
        raise ValueError(f"person {person.pk} has no e-mail address: no account can be opened")
    user = User.objects.filter(email__iexact=email).first()
    if user is None or Person.objects.filter(user=user).exists():
        if user is not None:  # the address's account belongs to another person already
            raise ValueError(f"the account of {email} is linked to another person")
        user = User(email=email, first_name=person.first_name, last_name=person.last_name)
        user.set_unusable_password()
        user.save()
    person.user = user
    person.save(update_fields=["user", "updated_at"])
    return user


def open_accounts(people: list[Person]) -> dict[int, User]:
    """``account_for`` for many people at once (an event's invitations): person id -> account,
    in a handful of queries whatever the number. People whose address is the account of
    another person, or who share an address with one listed earlier, are left out."""
    accounts: dict[int, User] = {}
    missing = []
    for person in people:
        if person.user_id:
            accounts[person.pk] = person.user
        elif person.email.strip():
            missing.append(person)
    if not missing:
        return accounts
    emails = {p.email.strip().lower() for p in missing}
    by_email = {u.email.lower(): u for u in User.objects.filter(email__in=emails)}
    taken = set(
        Person.objects.filter(user__in=list(by_email.values())).values_list("user_id", flat=True)
    )
    new_users, linked, used = [], [], set()
    for person in missing:
        email = person.email.strip().lower()
        user = by_email.get(email)
        if (user is not None and user.pk in taken) or email in used:
            continue
        if user is None:
            user = User(email=email, first_name=person.first_name, last_name=person.last_name)
            user.set_unusable_password()
            new_users.append(user)
        used.add(email)
        person.user = user
        linked.append(person)
    User.objects.bulk_create(new_users)
    for person in linked:
        person.user_id = person.user.pk
        accounts[person.pk] = person.user
    Person.objects.bulk_update(linked, ["user"])
    return accounts
