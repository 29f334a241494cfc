"""Pages of the yearly report: open one, write its paragraphs, preview it, generate and download
its PDF. Reports a user may not read are 404 (their existence is not disclosed); readable ones
the user may not write are 403 for writing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.core.forms import add_service_errors
from maillage.reports.models import YearlyReport
from maillage.reports.yearly import services as yearly
from maillage.reports.yearly.document import render_html
from maillage.reports.yearly.forms import ParagraphsForm, StartForm
from maillage.reports.yearly.selectors import readable_reports, writable_organisations

VIEW, CHANGE = "reports.view_yearlyreport", "reports.change_yearlyreport"


def _load(request, pk, *, change=False) -> YearlyReport:
    report = get_object_or_404(YearlyReport.objects.select_related("organisation"), pk=pk)
    if not request.user.has_perm(VIEW, report):
        raise Http404
    if change and not request.user.has_perm(CHANGE, report):
        raise PermissionDenied
    return report


@login_required
def yearly_list(request):
    can_add = request.user.has_perm("reports.add_yearlyreport")
    form = StartForm(user=request.user, initial=_initial(request)) if can_add else None
    return render(
        request,
        "reports/yearly/list.html",
        {"reports": readable_reports(request.user), "form": form},
    )


def _initial(request) -> dict:
    initial = {"year": yearly.last_year_allowed() - 1, "language": request.LANGUAGE_CODE[:2]}
    first = writable_organisations(request.user).first()
    if first is not None:
        initial["organisation"] = first.pk
    for name in ("organisation", "year", "language"):
        if request.GET.get(name):
            initial[name] = request.GET[name]
    return initial


@login_required
def yearly_start(request):
    if not request.user.has_perm("reports.add_yearlyreport"):
        raise PermissionDenied
    if request.method == "POST":
        form = StartForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                report = yearly.start_report(user=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                return redirect("reports:yearly_edit", pk=report.pk)
    else:
        form = StartForm(user=request.user, initial=_initial(request))
    return render(request, "reports/yearly/start.html", {"form": form})


@login_required
def yearly_edit(request, pk):
    report = _load(request, pk, change=True)
    if request.method == "POST":
        form = ParagraphsForm(request.POST, request.FILES, instance=report)
        if form.is_valid():
            fresh = YearlyReport.objects.get(pk=report.pk)  # the form wrote into `report`
            try:
                yearly.save_paragraphs(report=fresh, user=request.user, **form.service_arguments())
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Paragraphs saved. Preview the report below."))
                return redirect(report)
    else:
        form = ParagraphsForm(instance=report)
    return render(request, "reports/yearly/edit.html", {"report": report, "form": form})


@login_required
def yearly_detail(request, pk):
    report = _load(request, pk)
    return render(
        request,
        "reports/yearly/detail.html",
        {
            "report": report,
            "document": render_html(report),
            "can_change": request.user.has_perm(CHANGE, report),
        },
    )


@login_required
def yearly_status(request, pk):
    """The generation panel alone, polled by htmx while a PDF is being generated."""
    report = _load(request, pk)
    return render(
        request,
        "reports/yearly/_generation.html",
        {"report": report, "can_change": request.user.has_perm(CHANGE, report)},
    )


@login_required
@require_POST
def yearly_generate(request, pk):
    report = _load(request, pk, change=True)
    try:
        yearly.request_generation(report=report, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.info(request, _("The PDF is being generated; it appears here when ready."))
    return redirect(report)


@login_required
def yearly_pdf(request, pk):
    report = _load(request, pk)
    try:
        handle, name = yearly.open_pdf(report)
    except yearly.NoPdf as exc:
        raise Http404(str(exc)) from exc
    return FileResponse(handle, as_attachment=True, filename=name, content_type="application/pdf")
