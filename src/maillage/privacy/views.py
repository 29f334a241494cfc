"""Pages of the privacy app: the privacy notice, my data (page and JSON), erasure, consent links,
and staff handling a person's request. Thin: parse, check with has_perm, call a service."""

from __future__ import annotations

import json

from django.apps import apps
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from maillage.ecosystem.models import Person
from maillage.privacy import access, audit, confirmation, erasure, selectors
from maillage.privacy.enums import ConsentPurpose, ErasureBasis
from maillage.privacy.forms import (
    EraseMyDataForm,
    FindPersonForm,
    StaffEraseForm,
    StaffRequestForm,
)


def policy(request):
    from_settings = {"retention_days": erasure.retention_period_days()}
    return render(request, "privacy/policy.html", from_settings)


def _own_person(user) -> Person | None:
    return Person.objects.filter(user=user).first()


def _download(data: dict, name: str) -> HttpResponse:
    body = json.dumps(access.json_ready(data), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def my_data(request):
    data = access.person_data(person=_own_person(request.user), user=request.user)
    return render(request, "privacy/my_data.html", {"data": data})


@login_required
def my_data_json(request):
    data = access.person_data(person=_own_person(request.user), user=request.user)
    return _download(data, f"maillage-my-data-{timezone.localdate():%Y-%m-%d}.json")


@login_required
@require_http_methods(["GET", "POST"])
def erase_me(request):
    form = EraseMyDataForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user, person = request.user, _own_person(request.user)
        if person is not None:
            erasure.erase_person(person=person, basis=ErasureBasis.SELF, performed_by=user)
        else:
            erasure.close_account(user)
        logout(request)
        messages.success(request, _("Your data were erased and your account closed."))
        return redirect("privacy:policy")
    return render(request, "privacy/erase_me.html", {"form": form})


@require_http_methods(["GET", "POST"])
def consent_confirm(request, token: str):
    try:
        pending = confirmation.request_from_token(token)
    except confirmation.ConsentLinkError as exc:
        return render(request, "privacy/consent_link.html", {"error": exc.messages[0]}, status=404)
    if request.method == "POST":
        try:
            pending, _record = confirmation.confirm_consent_change(token=token)
        except confirmation.ConsentLinkError as exc:
            context = {"error": exc.messages[0]}
            return render(request, "privacy/consent_link.html", context, status=404)
        return render(request, "privacy/consent_link.html", {"pending": pending, "done": True})
    return render(request, "privacy/consent_link.html", {"pending": pending})


def _staff(request) -> None:
    if not request.user.has_perm("privacy.handle_requests"):
        raise PermissionDenied


@login_required
def staff_requests(request):
    _staff(request)
    form = FindPersonForm(request.GET or None)
    person = None
    if request.GET and form.is_valid():
        person = selectors.find_person(user=request.user, email=form.cleaned_data["email"])
        if person is None:
            form.add_error(
                "email",
                _(
                    "No person you manage has this address; check it, or ask the park or "
                    "network the person belongs to."
                ),
            )
    context = {
        "form": form,
        "person": person,
        "access_form": StaffRequestForm(prefix="access"),
        "erase_form": StaffEraseForm(prefix="erase"),
        "log": selectors.requests_handled_by(request.user),
    }
    return render(request, "privacy/staff_requests.html", context)


def _handled_person(request, pk: int) -> Person:
    _staff(request)
    person = get_object_or_404(selectors.people_handled_by(request.user), pk=pk)
    if not request.user.has_perm("privacy.handle_person_request", person):
        raise PermissionDenied
    return person


@login_required
@require_POST
def staff_person_data(request, pk: int):
    person = _handled_person(request, pk)
    form = StaffRequestForm(request.POST, prefix="access")
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["reason"]))
        return redirect("privacy:staff_requests")
    erasure.record_access(
        person=person,
        basis=ErasureBasis.STAFF_ON_REQUEST,
        performed_by=request.user,
        reason=form.cleaned_data["reason"],
    )
    data = access.person_data(person=person)
    return _download(data, f"maillage-person-{person.pk}-{timezone.localdate():%Y-%m-%d}.json")


@login_required
@require_POST
def staff_person_erase(request, pk: int):
    person = _handled_person(request, pk)
    form = StaffEraseForm(request.POST, prefix="erase")
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("privacy:staff_requests")
    try:
        erasure.erase_person(
            person=person,
            basis=ErasureBasis.STAFF_ON_REQUEST,
            performed_by=request.user,
            reason=form.cleaned_data["reason"],
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("privacy:staff_requests")
    messages.success(request, _("The person's data were erased; the erasure is in the log."))
    return redirect("privacy:staff_requests")


@login_required
def history(request, kind: str, pk: int):
    if kind not in audit.AUDITED:
        raise Http404
    model = apps.get_model(audit.AUDITED[kind].label)
    obj = get_object_or_404(model, pk=pk)
    if not audit.may_read_history(request.user, kind, obj):
        raise PermissionDenied
    entries = audit.history(obj)[:500]
    return render(request, "privacy/history.html", {"object": obj, "entries": entries})


@login_required
@require_POST
def staff_ask_consent(request, pk: int):
    """Staff suggest a change of the person's public listing: the person decides by e-mail."""
    person = _handled_person(request, pk)
    granted = request.POST.get("granted") == "1"
    try:
        pending = confirmation.ask_consent_change(
            person=person,
            purpose=ConsentPurpose.PUBLIC_DIRECTORY,
            granted=granted,
            requested_by=request.user,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if pending is None:
            messages.info(request, _("Nothing to ask: the person's choice is already this one."))
        else:
            messages.success(
                request,
                _("An e-mail asks the person to confirm; nothing changes until they do."),
            )
    return redirect(f"{reverse('privacy:staff_requests')}?email={person.email}")
