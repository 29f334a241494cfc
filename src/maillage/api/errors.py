"""One policy from domain errors to HTTP answers, used by every router of the API.

| what happened                                               | status | body               |
| ----------------------------------------------------------- | ------ | ------------------ |
| a request that does not parse, or a service's ValidationError | 422    | ValidationErrorOut |
| a ValidationError of a state (already registered, full…)    | 409    | ErrorOut           |
| the object is unknown, or hidden from the caller            | 404    | ErrorOut           |
| the caller sees the object but may not do this              | 403    | ErrorOut           |
| a write without a token or a signed-in session              | 401    | ErrorOut           |
| a request body over the size limit                          | 413    | ErrorOut           |
| a number beyond the database's 64-bit integers              | 422    | ValidationErrorOut |

Handlers raise the domain's own exceptions (services' ``ValidationError``, ``PermissionDenied``)
or ``HttpError``; the handlers installed here turn them into the answers above. An operation
that only moves an object from one state to another wraps the service call in
``state_change()``: then every refusal of the service is a conflict with the current state (409).
Each operation documents its statuses with ``answers()``.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DomainValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as RequestValidationError

from maillage.events.services import (
    AlreadyRegistered,
    EventFull,
    RegistrationClosed,
    StatusConflict,
)
from maillage.matchmaking.services.feedback import NotRateable
from maillage.matchmaking.services.placement import ScheduleConflict

# Domain errors that say the object's current state forbids the change, not that input is bad.
CONFLICTS = (
    AlreadyRegistered,
    EventFull,
    RegistrationClosed,
    StatusConflict,
    ScheduleConflict,
    NotRateable,
)


class ErrorOut(Schema):
    detail: str


class FieldErrorOut(Schema):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorOut(Schema):
    detail: str
    errors: list[FieldErrorOut]


SCHEMAS = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    413: ErrorOut,
    422: ValidationErrorOut,
}


def answers(ok: dict, *statuses: int) -> dict:
    """The ``response=`` of an operation: its success shapes plus the error statuses it may
    answer. 422 is always there (any parameter may fail to parse)."""
    return {**ok, **{s: SCHEMAS[s] for s in sorted({*statuses, 422})}}


class Conflict(Exception):
    """A service refused a change because of the object's current state."""

    def __init__(self, error: DomainValidationError):
        super().__init__(" ".join(error.messages))
        self.error = error


@contextmanager
def state_change():
    try:
        yield
    except DomainValidationError as exc:
        raise Conflict(exc) from exc


def not_found(what: str) -> HttpError:
    """The same answer for an unknown id and an id the caller may not see."""
    return HttpError(404, _("No such %(what)s.") % {"what": what})


def invalid(field: str, message: str, where: str = "body") -> RequestValidationError:
    """A 422 naming the field of the request that is wrong."""
    return RequestValidationError([{"loc": [where, field], "msg": message, "type": "value_error"}])


def _message(error: dict) -> str:
    ctx = error.get("ctx") or {}
    if error.get("type") == "string_too_long" and "max_length" in ctx:
        return _("is too long: at most %(n)s characters; shorten it.") % {"n": ctx["max_length"]}
    if error.get("type") == "too_long" and "max_length" in ctx:
        return _("has too many items: at most %(n)s.") % {"n": ctx["max_length"]}
    return str(error.get("msg", ""))


def _field_errors(errors: list[dict]) -> list[dict]:
    return [
        {
            "loc": [p if isinstance(p, int) else str(p) for p in e.get("loc", [])],
            "msg": _message(e),
            "type": str(e.get("type", "value_error")),
        }
        for e in errors
    ]


def _sentence(errors: list[dict]) -> str:
    parts = []
    for e in errors:
        where = ".".join(str(p) for p in e["loc"][1:]) or ".".join(str(p) for p in e["loc"])
        parts.append(f"{where}: {e['msg']}" if where else e["msg"])
    return _("Check the request: %(errors)s") % {"errors": "; ".join(parts)}


def _domain_errors(exc: DomainValidationError) -> list[dict]:
    if hasattr(exc, "error_dict"):
        return [
            {
                "loc": ["body"] if field == "__all__" else ["body", field],
                "msg": " ".join(str(m) for e in errors for m in e.messages),
                "type": "value_error",
            }
            for field, errors in exc.error_dict.items()
        ]
    # A list of reasons (every bad row of an import): one error each.
    return [{"loc": ["body"], "msg": m, "type": "value_error"} for m in exc.messages]


def install(api) -> None:
    """Register the policy's handlers on the NinjaAPI."""

    def reply(request, body: dict, status: int):
        return api.create_response(request, body, status=status)

    @api.exception_handler(RequestValidationError)
    def request_invalid(request, exc):
        errors = _field_errors(exc.errors)
        return reply(request, {"detail": _sentence(errors), "errors": errors}, 422)

    @api.exception_handler(DomainValidationError)
    def domain_invalid(request, exc):
        if isinstance(exc, CONFLICTS):
            return reply(request, {"detail": " ".join(exc.messages)}, 409)
        errors = _domain_errors(exc)
        return reply(request, {"detail": " ".join(exc.messages), "errors": errors}, 422)

    @api.exception_handler(Conflict)
    def conflict(request, exc):
        return reply(request, {"detail": str(exc)}, 409)

    @api.exception_handler(AuthenticationError)
    def anonymous(request, exc):
        return reply(
            request,
            {"detail": _("Sign in, or send an API token in the header Authorization: Bearer …")},
            401,
        )

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return reply(request, {"detail": str(exc) or _("You may not do this.")}, 403)

    @api.exception_handler(Http404)
    def missing(request, exc):
        return reply(request, {"detail": _("Not found.")}, 404)

    @api.exception_handler(OverflowError)
    def out_of_range(request, exc):
        # An id or number beyond what the database stores (SQLite: 64-bit integers).
        message = _("A number in the request is too large; ids and counts fit in 64 bits.")
        return reply(request, {"detail": message, "errors": []}, 422)

    @api.exception_handler(RequestDataTooBig)
    def too_big(request, exc):
        return reply(
            request,
            {
                "detail": _("The request body is too large; send at most %(mb)s MB.")
                % {"mb": settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)}
            },
            413,
        )
