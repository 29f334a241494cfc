"""State changes of accounts: API tokens and a participant's own directory profile."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts.models import ApiToken, User

PROFILE_FIELDS = ("first_name", "last_name", "phone", "languages", "bio", "public_consent")
MAX_TOKENS_PER_USER = 20


def issue_token(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`; the clear token is returned once and never stored."""
    name = (name or "").strip()
    if not name:
        raise ValidationError(
            {"name": _("Give the token a name, such as the script that will use it.")}
        )
    if user.api_tokens.count() >= MAX_TOKENS_PER_USER:
        raise ValidationError(
            _("You already have %(n)s tokens; revoke one you no longer use first.")
            % {"n": MAX_TOKENS_PER_USER}
        )
    return ApiToken.issue(user=user, name=name[:100])


def revoke_token(*, user: User, token_id: int) -> None:
    """Deletes one of the user's own tokens (ApiToken.DoesNotExist for anybody else's)."""
    ApiToken.objects.get(pk=token_id, user=user).delete()


@transaction.atomic
def update_profile(*, user: User, **fields):
    """Creates or updates the Person profile of `user` (only theirs: it is found through the user).

    The names are kept in step with the account; giving public consent records when.
    """
    from maillage.ecosystem.models import Person

    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"not profile fields: {', '.join(sorted(unknown))}")
    person = Person.objects.select_for_update().filter(user=user).first()
    if person is None:
        person = Person(user=user, email=user.email)
    consent_before = person.public_consent
    for name, value in fields.items():
        setattr(person, name, value)
    if person.public_consent and not consent_before:
        person.consent_at = timezone.now()
    elif not person.public_consent:
        person.consent_at = None
    person.full_clean(exclude=["user"])
    person.save()
    User.objects.filter(pk=user.pk).update(first_name=person.first_name, last_name=person.last_name)
    user.first_name, user.last_name = person.first_name, person.last_name
    return person
