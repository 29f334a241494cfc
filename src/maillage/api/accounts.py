"""Accounts API: one's own directory profile (where one's public listing is decided, by oneself
only) and one's API tokens — list, issue (the token is shown once), revoke. Services in
maillage.accounts.services. Signing in, out and resetting a password are browser pages."""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Router, Schema, Status

from maillage.accounts import services
from maillage.accounts.models import ApiToken
from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers, not_found
from maillage.api.texts import Text
from maillage.ecosystem.models import Person

router = Router(tags=["accounts"])


class TokenOut(Schema):
    id: int
    name: str
    prefix: str = Field(..., description="The token's first characters, to recognise it.")
    created_at: datetime
    last_used_at: datetime | None


class NewTokenOut(TokenOut):
    token: str = Field(..., description="The token itself: shown this once, never again.")


class TokenIn(Schema):
    name: str = Field(..., min_length=1, max_length=100, description="What the token is for.")


class ProfileOut(Schema):
    email: str
    first_name: str
    last_name: str
    phone: str
    languages: str
    bio: str
    public_consent: bool = Field(..., description="Listed in the public directory.")


class ProfilePatch(Schema):
    """Fields to change; fields left out stay as they are."""

    model_config = {"extra": "forbid"}

    first_name: str | None = Field(None, min_length=1, max_length=100)
    last_name: str | None = Field(None, min_length=1, max_length=100)
    phone: str | None = Field(None, max_length=40)
    languages: str | None = Field(
        None, max_length=60, pattern=r"^\s*([a-zA-Z]{2}\s*(,\s*|$))*$", description="e.g. fr,en"
    )
    bio: Text | None = None
    public_consent: bool | None = Field(None, description="Your own choice; it is logged.")


def _profile(user) -> dict:
    person = Person.objects.filter(user=user).first()
    if person is None:
        return {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "phone": "",
            "languages": "",
            "bio": "",
            "public_consent": False,
        }
    return {
        "email": person.email or user.email,
        **{f: getattr(person, f) for f in services.PROFILE_FIELDS},
    }


@router.get(
    "/me/profile", response=answers({200: ProfileOut}, 401), auth=WRITE_AUTH, summary="My profile"
)
def get_profile(request):
    return _profile(request.auth)


@router.patch(
    "/me/profile",
    response=answers({200: ProfileOut}, 401),
    auth=WRITE_AUTH,
    summary="Change my profile, and decide whether I am listed in the public directory",
)
def update_profile(request, payload: ProfilePatch):
    user = request.auth
    current = _profile(user)
    # Consent is passed only when the caller decides it: each decision is logged.
    current.pop("email"), current.pop("public_consent")
    fields = {**current, **payload.model_dump(exclude_unset=True, exclude_none=True)}
    if "languages" in fields:
        parts = fields["languages"].split(",")
        fields["languages"] = ",".join(p.strip().lower() for p in parts if p.strip())
    services.update_profile(user=user, **fields)
    return _profile(user)


@router.get(
    "/me/tokens",
    response=answers({200: list[TokenOut]}, 401),
    auth=WRITE_AUTH,
    summary="My API tokens",
)
def list_tokens(request):
    return list(ApiToken.objects.filter(user=request.auth).order_by("-created_at"))


@router.post(
    "/me/tokens",
    response=answers({201: NewTokenOut}, 401),
    auth=WRITE_AUTH,
    summary="Issue an API token (shown once in the answer)",
)
def issue_token(request, payload: TokenIn):
    token, clear = services.issue_token(user=request.auth, name=payload.name)
    token.token = clear
    return Status(201, token)


@router.delete(
    "/me/tokens/{token_id}",
    response=answers({204: None}, 401, 404),
    auth=WRITE_AUTH,
    summary="Revoke one of my API tokens",
)
def revoke_token(request, token_id: int):
    try:
        services.revoke_token(user=request.auth, token_id=token_id)
    except ApiToken.DoesNotExist:
        raise not_found("token") from None
    return Status(204, None)
