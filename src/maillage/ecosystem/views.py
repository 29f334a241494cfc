"""Directory pages: search with filters and map, organisation pages, exports and the staff edit form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from maillage.core.forms import add_service_errors
from maillage.ecosystem import claims, exports, selectors, services
from maillage.ecosystem.forms import DirectoryForm, OrganisationForm
from maillage.ecosystem.models import Organisation


def _search(request):
    form = DirectoryForm(request.GET)
    return form, form.directory_query()


def _query_string(request, **changes) -> str:
    params = request.GET.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value not in (None, ""):
            params[key] = value
    return params.urlencode()


@require_GET
def directory(request):
    form, query = _search(request)
    qs = selectors.search_organisations(query)
    page = selectors.paginate(qs, page=form.page_number, load=selectors.with_listing_relations)
    count, more = selectors.page_count(qs, page) if not query.is_empty else (None, False)
    context = {
        "form": form,
        "query": query,
        "page": page,
        "count": count,
        "count_more": more,
        "query_string": _query_string(request, page=None),
        "previous_query": _query_string(request, page=page.number - 1),
        "next_query": _query_string(request, page=page.number + 1),
        "xlsx_cap": exports.XLSX_CAP,
        "can_add": request.user.has_perm("ecosystem.add_organisation"),
    }
    template = "ecosystem/_results.html" if request.htmx else "ecosystem/directory.html"
    return render(request, template, context)


@require_GET
def directory_map(request):
    _form, query = _search(request)
    qs = selectors.search_organisations(query)
    return JsonResponse(selectors.directory_map(qs))


@require_GET
def export_csv(request):
    _form, query = _search(request)
    qs = selectors.search_organisations(query)
    response = StreamingHttpResponse(
        exports.csv_lines(qs, request.build_absolute_uri("/")[:-1]),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{exports.file_name("csv")}"'
    return response


@require_GET
def export_xlsx(request):
    _form, query = _search(request)
    qs = selectors.search_organisations(query)
    content, truncated = exports.xlsx_bytes(qs, request.build_absolute_uri("/")[:-1])
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{exports.file_name("xlsx")}"'
    if truncated:
        response["X-Maillage-Truncated"] = str(exports.XLSX_CAP)
    return response


@require_GET
def organisation_detail(request, slug):
    try:
        organisation = selectors.organisation_detail(slug)
    except Organisation.DoesNotExist:
        raise Http404(_("No organisation has this address.")) from None
    hosted, hosted_more = selectors.hosted(organisation)
    members, members_more = selectors.members_of(organisation)
    context = {
        "organisation": organisation,
        "units": selectors.units(organisation),
        "hosted": hosted,
        "hosted_more": hosted_more,
        "networks": selectors.networks_of(organisation),
        "members": members,
        "members_more": members_more,
        "affiliations": selectors.public_affiliations(organisation),
        "can_change": request.user.has_perm("ecosystem.change_organisation", organisation),
        **claims.page_context(request.user, organisation),
        "map_point": {
            "name": organisation.name,
            "latitude": organisation.latitude,
            "longitude": organisation.longitude,
        },
    }
    return render(request, "ecosystem/organisation_detail.html", context)


@login_required
def organisation_create(request):
    if not request.user.has_perm("ecosystem.add_organisation"):
        raise PermissionDenied(_("Only park or network staff may add organisations."))
    form = OrganisationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                organisation = services.create_organisation(
                    by=request.user, **form.changed_fields()
                )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("%(name)s was added to the directory.") % {"name": organisation.name}
            )
            return redirect(organisation)
    return render(request, "ecosystem/organisation_form.html", {"form": form, "organisation": None})


@login_required
def organisation_update(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("ecosystem.change_organisation", organisation):
        raise PermissionDenied(
            _("You may not change this organisation: it is not managed by your park or network.")
        )
    form = OrganisationForm(request.POST or None, instance=organisation, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = form.changed_fields()
        organisation.refresh_from_db()  # the form's validation touched the instance in memory
        try:
            with transaction.atomic():
                organisation = services.update_organisation(organisation, by=request.user, **fields)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Your changes were saved."))
            return redirect(organisation)
    return render(
        request, "ecosystem/organisation_form.html", {"form": form, "organisation": organisation}
    )
