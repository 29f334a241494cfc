"""Operations whose success is a file (PDF, CSV, GraphML, ZIP): how the OpenAPI document says
so, and the response that carries the file with its name."""

from __future__ import annotations

from django.http import HttpResponse

PDF = "application/pdf"
CSV = "text/csv; charset=utf-8"
ICS = "text/calendar; charset=utf-8"


def file_operation(content_type: str) -> dict:
    """The ``openapi_extra`` of an operation whose success is a file of this type."""
    return {
        "responses": {
            200: {
                "description": "The file.",
                "content": {content_type: {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    }


def file_response(content: bytes | str, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
