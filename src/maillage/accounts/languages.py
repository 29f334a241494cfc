"""The language a person is written to in: their account's choice, else the first of their
languages the platform speaks, else the one they used (registration), else the default."""

from __future__ import annotations

from django.conf import settings


def supported(code: str) -> str:
    code = (code or "").strip().lower()[:2]
    return code if code in dict(settings.LANGUAGES) else ""


def preferred_language(*, user=None, person=None, used: str = "") -> str:
    if user is not None and supported(getattr(user, "language", "")):
        return supported(user.language)
    if person is not None:
        for code in (person.languages or "").split(","):
            if supported(code):
                return supported(code)
    return supported(used) or settings.LANGUAGE_CODE
