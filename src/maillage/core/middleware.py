"""Refuse text with NUL characters before it reaches the database.

PostgreSQL text cannot hold a NUL (0x00) character: a query string or body carrying one would
end in a server error there (and not on SQLite). It is never meaningful input, so the request
gets a sentence instead: 422 in the API's error shape, 400 for pages."""

from __future__ import annotations

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

_NUL_MARKS = (b"\x00", b"\\u0000", b"%00")


def _carries_nul(request) -> bool:
    if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
        return True
    if any("\x00" in value for values in request.GET.lists() for value in values[1]):
        return True
    if request.method in ("POST", "PUT", "PATCH"):
        body = request.body  # read once here; Django keeps it for the view
        return any(mark in body for mark in _NUL_MARKS[:2]) or (
            request.content_type == "application/x-www-form-urlencoded" and b"%00" in body
        )
    return False


class RefuseNulCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.content_type == "multipart/form-data" or not _carries_nul(request):
            return self.get_response(request)
        detail = _(
            "The request contains a NUL character (0x00), which no text may hold: "
            "remove it and send again."
        )
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": detail, "errors": []}, status=422)
        return HttpResponse(detail, status=400, content_type="text/plain; charset=utf-8")
