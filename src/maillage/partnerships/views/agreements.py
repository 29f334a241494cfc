"""Agreement pages: list, detail, create, edit, status, commitments, documents, notes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.core.forms import add_service_errors
from maillage.ecosystem.selectors import visible_people
from maillage.partnerships import forms, selectors, services
from maillage.partnerships.enums import AGREEMENT_TRANSITIONS, AgreementKind, AgreementStatus
from maillage.partnerships.models import Agreement, AgreementDocument, Commitment
from maillage.partnerships.views.access import check

VIEW, CHANGE = "partnerships.view_agreement", "partnerships.change_agreement"


def agreement_list(request):
    qs = selectors.filter_agreements(
        selectors.visible_agreements(request.user),
        kind=request.GET.get("kind", ""),
        status=request.GET.get("status", ""),
        q=request.GET.get("q", "").strip(),
    )
    return render(
        request,
        "partnerships/agreement_list.html",
        {
            "agreements": qs.order_by("-signed_on", "title"),
            "kinds": AgreementKind.choices,
            "statuses": AgreementStatus.choices,
            "can_add": request.user.has_perm("partnerships.add_agreement"),
        },
    )


def _load(request, pk, *, change=False) -> Agreement:
    agreement = get_object_or_404(
        Agreement.objects.prefetch_related("parties__organisation"), pk=pk
    )
    return check(request.user, agreement, view=VIEW, change=CHANGE if change else None)


def agreement_detail(request, pk):
    agreement = _load(request, pk)
    can_change = request.user.has_perm(CHANGE, agreement)
    owners = agreement.organisations.all()
    return render(
        request,
        "partnerships/agreement_detail.html",
        {
            "agreement": agreement,
            "can_change": can_change,
            # Only the signatories the visitor may see: public consent or their own organisations.
            "signatories": visible_people(request.user).filter(signed_agreements=agreement),
            "commitments": agreement.commitments.select_related("owner"),
            "documents": agreement.documents.all() if can_change else [],
            "notes": agreement.notes.select_related("author") if can_change else [],
            "next_statuses": [
                (s, AgreementStatus(s).label)
                for s in sorted(AGREEMENT_TRANSITIONS[agreement.status])
            ],
            "commitment_form": forms.CommitmentForm(prefix="c", owners=owners),
            "document_form": forms.DocumentForm(),
            "note_form": forms.NoteForm(),
            "programmes": agreement.programmes.all(),
        },
    )


def _parties(formset):
    return [(f["organisation"], f["role"]) for f in formset.cleaned_data if f.get("organisation")]


def _commitments(formset):
    return [
        {
            "action": f["action"],
            "kind": f["kind"],
            "owner": f.get("owner"),
            "due_on": f.get("due_on"),
        }
        for f in formset.cleaned_data
        if f.get("action")
    ]


@login_required
def agreement_create(request):
    if not request.user.has_perm("partnerships.add_agreement"):
        raise PermissionDenied
    first = request.user.staff_of.first()
    if request.method == "POST":
        form = forms.AgreementForm(request.POST, user=request.user)
        parties = forms.PartyFormSet(request.POST, prefix="parties")
        commitments = forms.CommitmentFormSet(request.POST, prefix="commitments")
        if form.is_valid() and parties.is_valid() and commitments.is_valid():
            data = dict(form.cleaned_data)
            try:
                agreement = services.create_agreement(
                    user=request.user,
                    parties=_parties(parties),
                    commitments=_commitments(commitments),
                    domains=data.pop("domains"),
                    signatories=data.pop("signatories"),
                    **data,
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Agreement recorded."))
                return redirect(agreement)
    else:
        form = forms.AgreementForm(user=request.user)
        parties = forms.PartyFormSet(
            prefix="parties", initial=[{"organisation": first}] if first else None
        )
        commitments = forms.CommitmentFormSet(prefix="commitments")
    return render(
        request,
        "partnerships/agreement_form.html",
        {"form": form, "parties": parties, "commitments": commitments, "agreement": None},
    )


@login_required
def agreement_edit(request, pk):
    agreement = _load(request, pk, change=True)
    if request.method == "POST":
        form = forms.AgreementForm(
            request.POST, instance=Agreement.objects.get(pk=pk), editing=True, user=request.user
        )
        parties = forms.PartyFormSet(request.POST, prefix="parties")
        if form.is_valid() and parties.is_valid():
            data = dict(form.cleaned_data)
            try:
                services.update_agreement(
                    agreement=agreement,
                    user=request.user,
                    parties=_parties(parties),
                    domains=data.pop("domains"),
                    signatories=data.pop("signatories"),
                    **data,
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Agreement saved."))
                return redirect(agreement)
    else:
        form = forms.AgreementForm(instance=agreement, editing=True, user=request.user)
        parties = forms.PartyFormSet(
            prefix="parties",
            initial=[
                {"organisation": p.organisation, "role": p.role} for p in agreement.parties.all()
            ],
        )
    return render(
        request,
        "partnerships/agreement_form.html",
        {"form": form, "parties": parties, "commitments": None, "agreement": agreement},
    )


def _error(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


@require_POST
@login_required
def agreement_status(request, pk):
    agreement = _load(request, pk, change=True)
    form = forms.StatusForm(request.POST)
    if form.is_valid():
        try:
            services.change_agreement_status(
                agreement=agreement,
                status=form.cleaned_data["status"],
                user=request.user,
                signed_on=form.cleaned_data["signed_on"],
            )
            messages.success(request, _("Status changed."))
        except ValidationError as exc:
            _error(request, exc)
    return redirect(agreement)


@require_POST
@login_required
def commitment_add(request, pk):
    agreement = _load(request, pk, change=True)
    form = forms.CommitmentForm(request.POST, prefix="c", owners=agreement.organisations.all())
    if form.is_valid() and form.cleaned_data["action"]:
        try:
            services.add_commitment(agreement=agreement, **form.cleaned_data)
            messages.success(request, _("Commitment added."))
        except ValidationError as exc:
            _error(request, exc)
    else:
        messages.error(request, _("Say what the action is, e.g. “Joint seminar on AI in Chengdu”."))
    return redirect(agreement)


@require_POST
@login_required
def commitment_toggle(request, pk, commitment_pk):
    agreement = _load(request, pk, change=True)
    commitment = get_object_or_404(Commitment, pk=commitment_pk, agreement=agreement)
    services.set_commitment_done(commitment=commitment, done=not commitment.done)
    if request.htmx:
        return render(
            request,
            "partnerships/_commitment_row.html",
            {"c": commitment, "agreement": agreement, "can_change": True},
        )
    return redirect(agreement)


@require_POST
@login_required
def document_upload(request, pk):
    agreement = _load(request, pk, change=True)
    form = forms.DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_document(
                agreement=agreement,
                title=form.cleaned_data["title"],
                file=form.cleaned_data["file"],
                user=request.user,
            )
            messages.success(request, _("Document uploaded."))
        except ValidationError as exc:
            _error(request, exc)
    else:
        messages.error(request, _("Choose a PDF file to upload."))
    return redirect(agreement)


@login_required
def document_download(request, pk, document_pk):
    agreement = _load(request, pk, change=True)
    doc = get_object_or_404(AgreementDocument, pk=document_pk, agreement=agreement)
    return FileResponse(
        doc.file.open("rb"),
        content_type="application/pdf",
        as_attachment=False,
        filename=doc.file.name.rsplit("/", 1)[-1],
    )


@require_POST
@login_required
def note_add(request, pk):
    agreement = _load(request, pk, change=True)
    try:
        services.add_note(agreement=agreement, body=request.POST.get("body", ""), user=request.user)
        messages.success(request, _("Note added."))
    except ValidationError as exc:
        _error(request, exc)
    return redirect(agreement)
