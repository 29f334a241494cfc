"""Directory API files and map: a search's located organisations for a map (JSON), and its
export as CSV (every row) or Excel (capped). The same filters as GET /organisations; the same
selectors and export services as the directory pages."""

from __future__ import annotations

from django.http import HttpResponse, StreamingHttpResponse
from ninja import Query, Router, Schema

from maillage.api.directory_schemas import DirectoryFilters
from maillage.api.errors import answers
from maillage.api.files import CSV, file_operation
from maillage.ecosystem import exports, selectors

router = Router(tags=["directory"])

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class MapPointOut(Schema):
    name: str
    kind: str
    city: str
    latitude: float
    longitude: float
    url: str


class MapOut(Schema):
    points: list[MapPointOut]
    capped: bool
    cap: int


def _search(filters: DirectoryFilters):
    return selectors.search_organisations(filters.directory_query())


@router.get(
    "/directory/map",
    response=answers({200: MapOut}),
    summary="The located organisations of a search, for a map (a sample when there are many)",
)
def directory_map(request, filters: Query[DirectoryFilters]):
    return selectors.directory_map(_search(filters))


@router.get(
    "/directory/export.csv",
    response=answers({200: None}),
    openapi_extra=file_operation(CSV),
    summary="A search of the directory as CSV (every row)",
)
def export_csv(request, filters: Query[DirectoryFilters]):
    response = StreamingHttpResponse(
        exports.csv_lines(_search(filters), request.build_absolute_uri("/")[:-1]),
        content_type=CSV,
    )
    response["Content-Disposition"] = f'attachment; filename="{exports.file_name("csv")}"'
    return response


@router.get(
    "/directory/export.xlsx",
    response=answers({200: None}),
    openapi_extra=file_operation(XLSX),
    summary="A search of the directory as Excel (the header X-Maillage-Truncated when capped)",
)
def export_xlsx(request, filters: Query[DirectoryFilters]):
    content, truncated = exports.xlsx_bytes(_search(filters), request.build_absolute_uri("/")[:-1])
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{exports.file_name("xlsx")}"'
    if truncated:
        response["X-Maillage-Truncated"] = str(exports.XLSX_CAP)
    return response
