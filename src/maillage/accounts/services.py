"""State changes of accounts: API tokens and a participant's own directory profile."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from maillage.accounts.models import ApiToken, User
from maillage.privacy.enums import ConsentMethod, ConsentPurpose
from maillage.privacy.services import consent_text, record_consent

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

    The names are kept in step with the account; a change of public consent is logged.
    """
    from maillage.ecosystem.models import Person

    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"not profile fields: {', '.join(sorted(unknown))}")
    person = Person.objects.select_for_update().filter(user=user).first()
    if person is None:
        person = Person(user=user, email=user.email)
    consent = fields.pop("public_consent", None)
    for name, value in fields.items():
        setattr(person, name, value)
    person.full_clean(exclude=["user"])
    person.save()
    if consent is not None:  # the person, signed in, decides: logged by the privacy app
        record_consent(
            person=person,
            purpose=ConsentPurpose.PUBLIC_DIRECTORY,
            granted=consent,
            how=ConsentMethod.SIGNED_IN,
            text=consent_text(ConsentPurpose.PUBLIC_DIRECTORY),
            user=user,
        )
        person.refresh_from_db()
    User.objects.filter(pk=user.pk).update(first_name=person.first_name, last_name=person.last_name)
    user.first_name, user.last_name = person.first_name, person.last_name
    return person
