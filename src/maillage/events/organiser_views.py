"""Organiser pages: edit events and programme, handle registrations, import, export, badges,
check-in. Staff of an organising organisation, or platform admins (see events/rules.py)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.core import jobs
from maillage.core.forms import add_service_errors
from maillage.events import exports, invitations, selectors, services
from maillage.events import jobs as event_jobs
from maillage.events.enums import EventStatus, RegistrationStatus
from maillage.events.forms import CheckInSearchForm, EventForm, ImportForm, ProgrammeItemForm
from maillage.events.models import Event, ProgrammeItem, Registration
from maillage.events.views import visible_event_or_404


def managed_event_or_denied(request, slug: str, perm: str = "events.change_event") -> Event:
    event = visible_event_or_404(request, slug)  # 404 first: do not reveal private events
    if not request.user.has_perm(perm, event):
        raise PermissionDenied(_("Only the organisers of this event may do this."))
    return event


def _form_fields(form) -> dict:
    return dict(form.cleaned_data)


@login_required
def create(request):
    if not request.user.has_perm("events.add_event"):
        raise PermissionDenied(_("Only staff of a park or network may create events."))
    form = EventForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.create_event(created_by=request.user, **_form_fields(form))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("The event is created as a draft; add its programme, then publish it.")
            )
            return redirect("events:detail", slug=event.slug)
    return render(request, "events/event_form.html", {"form": form, "zone": form.zone_name()})


@login_required
def edit(request, slug: str):
    event = managed_event_or_denied(request, slug)
    form = EventForm(request.POST or None, instance=event, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = _form_fields(form)
        try:
            services.update_event(event=Event.objects.get(pk=event.pk), **fields)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The event is saved."))
            return redirect("events:detail", slug=event.slug)
    return render(
        request, "events/event_form.html", {"form": form, "event": event, "zone": form.zone_name()}
    )


@login_required
@require_POST
def set_status(request, slug: str):
    event = managed_event_or_denied(request, slug)
    status = request.POST.get("status", "")
    if status not in EventStatus.values:
        messages.error(request, _("Unknown status."))
    else:
        services.set_event_status(event=event, status=status)
        messages.success(
            request,
            _("The event is now %(status)s.") % {"status": EventStatus(status).label.lower()},
        )
    return redirect("events:detail", slug=event.slug)


@login_required
def programme_item(request, slug: str, item_id: int | None = None):
    event = managed_event_or_denied(request, slug)
    item = get_object_or_404(ProgrammeItem, pk=item_id, event=event) if item_id else None
    form = ProgrammeItemForm(request.POST or None, instance=item, event=event, user=request.user)
    if request.method == "POST" and request.POST.get("delete") and item is not None:
        services.delete_programme_item(item=item)
        messages.success(request, _("The programme item is deleted."))
        return redirect("events:detail", slug=event.slug)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        try:
            if item is None:
                services.add_programme_item(event=event, **fields)
            else:
                services.update_programme_item(item=ProgrammeItem.objects.get(pk=item.pk), **fields)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The programme is saved."))
            return redirect("events:detail", slug=event.slug)
    return render(
        request, "events/programme_form.html", {"form": form, "event": event, "item": item}
    )


@login_required
def registrations(request, slug: str):
    event = managed_event_or_denied(request, slug, "events.manage_registrations")
    status = request.GET.get("status", "")
    status = status if status in RegistrationStatus.values else ""
    return render(
        request,
        "events/registrations.html",
        {
            "event": event,
            "registrations": selectors.registrations(event, status=status).select_related(
                "invitation", "person__user"
            ),
            "counts": selectors.registration_counts(event),
            "awaiting_count": invitations.awaiting(event).count(),
            "invitation_days": settings.INVITATION_DAYS,
            "status": status,
            "statuses": RegistrationStatus.choices,
            "import_form": ImportForm(),
        },
    )


ACTIONS = {
    "approve": services.approve_registration,
    "decline": services.decline_registration,
    "waitlist": services.waitlist_registration,
}


@login_required
@require_POST
def registration_action(request, slug: str, registration_id: int, action: str):
    event = managed_event_or_denied(request, slug, "events.manage_registrations")
    registration = get_object_or_404(Registration, pk=registration_id, event=event)
    if action not in ACTIONS:
        messages.error(request, _("Unknown action."))
        return redirect("events:registrations", slug=slug)
    error = None
    try:
        registration = ACTIONS[action](registration=registration)
    except ValidationError as exc:
        error = " ".join(exc.messages)
    if request.htmx:
        registration = Registration.objects.select_related(
            "person__user", "organisation", "invitation"
        ).get(pk=registration.pk)
        return render(
            request,
            "events/_registration_row.html",
            {"event": event, "r": registration, "error": error},
        )
    if error:
        messages.error(request, error)
    return redirect("events:registrations", slug=slug)


@login_required
@require_POST
def import_registrants(request, slug: str):
    """Starts the import on a worker; its page lists every bad row or says how many came in."""
    event = managed_event_or_denied(request, slug, "events.manage_registrations")
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(
            request, "events/import_result.html", {"event": event, "form": form}, status=400
        )
    upload = form.cleaned_data["file"]
    job = jobs.start(
        event_jobs.import_registrants,
        owner=request.user,
        params={
            "event_id": event.pk,
            "filename": upload.name,
            "notify": bool(request.POST.get("notify")),
        },
        upload=upload,
        back_url=reverse("events:registrations", args=[slug]),
    )
    return redirect("core:job", job_id=job.pk)


@login_required
def export(request, slug: str, fmt: str):
    event = managed_event_or_denied(request, slug, "events.manage_registrations")
    if fmt not in exports.FORMATS:
        raise Http404(_("Export as .csv or .xlsx."))
    body, ctype, filename = exports.export_file(event, selectors.registrations(event), fmt)
    response = HttpResponse(body, content_type=ctype)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_POST
def badges_pdf(request, slug: str):
    event = managed_event_or_denied(request, slug, "events.manage_registrations")
    job = event_jobs.start_badges(
        event=event, layout=request.POST.get("layout", "a6"), owner=request.user
    )
    return redirect("core:job", job_id=job.pk)


@login_required
def check_in(request, slug: str):
    """Search by name or code (htmx updates the results as one types), check in with one click."""
    event = managed_event_or_denied(request, slug, "events.check_in")
    form = CheckInSearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    results = selectors.search_registrations(event, query)
    context = {
        "event": event,
        "form": form,
        "results": results,
        "query": query,
        "counts": selectors.registration_counts(event),
    }
    if request.htmx:
        return render(request, "events/_checkin_results.html", context)
    return render(request, "events/check_in.html", context)


@login_required
@require_POST
def check_in_mark(request, slug: str):
    event = managed_event_or_denied(request, slug, "events.check_in")
    key = request.POST.get("token", "").strip()
    registration = (
        Registration.objects.select_related("person", "organisation")
        .filter(event=event, token=key)
        .first()
    )
    error = None
    if registration is None:
        error = _(
            "No registration to this event has the code “%(code)s”; search by name instead."
        ) % {"code": key}
    else:
        try:
            registration = services.check_in(registration=registration, by=request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
    if request.htmx:
        # htmx swaps only 2xx answers: the error is shown in the row itself
        return render(
            request, "events/_checkin_row.html", {"event": event, "r": registration, "error": error}
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("%(name)s is checked in.") % {"name": registration.person})
    return redirect("events:check_in", slug=slug)
