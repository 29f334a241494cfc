"""Django admin for agreements and delegations, for platform admins only (see
maillage.core.admin). Adding and changing go through the partnerships services, so the admin
refuses an agreement without two parties or a delegation without hosts and visitors with the
same sentences as the pages; notes, documents, visits, contacts and follow-ups are shown here
and written from the pages or the API."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from maillage.core.admin import ReadOnlyInline, ServiceAdmin
from maillage.partnerships import services
from maillage.partnerships.enums import PartyRole
from maillage.partnerships.forms import DelegationForm, partner_organisations
from maillage.partnerships.models import (
    Agreement,
    AgreementDocument,
    AgreementNote,
    AgreementParty,
    Commitment,
    ContactMet,
    Delegation,
    FollowUp,
    Visit,
)


class PartyInline(ReadOnlyInline, admin.TabularInline):
    model = AgreementParty
    fields = ["organisation", "role"]


class CommitmentInline(ReadOnlyInline, admin.TabularInline):
    model = Commitment
    fields = ["action", "kind", "owner", "due_on", "done"]


class DocumentInline(ReadOnlyInline, admin.TabularInline):
    model = AgreementDocument
    fields = ["title", "file"]


class NoteInline(ReadOnlyInline, admin.TabularInline):
    model = AgreementNote
    fields = ["body", "author", "created_at"]
    readonly_fields = ["created_at"]


AGREEMENT_FIELDS = [
    "title",
    "kind",
    "status",
    "parties",
    "description",
    "is_public",
    "signed_on",
    "starts_on",
    "ends_on",
    "remind_days_before",
    "place",
    "occasion",
    "domains",
    "signatories",
]


class AgreementAdminForm(forms.ModelForm):
    parties = forms.ModelMultipleChoiceField(
        partner_organisations(),
        label=_("Parties"),
        help_text=_("At least two organisations; new parties sign the agreement."),
    )

    class Meta:
        model = Agreement
        fields = AGREEMENT_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["parties"].initial = [
                p.organisation_id for p in self.instance.parties.all()
            ]


@admin.register(Agreement)
class AgreementAdmin(ServiceAdmin):
    form = AgreementAdminForm
    fields = AGREEMENT_FIELDS
    list_display = ["title", "kind", "status", "signed_on", "ends_on", "is_public"]
    list_filter = ["kind", "status", "is_public"]
    search_fields = ["title", "parties__organisation__name"]
    autocomplete_fields = ["signatories"]
    filter_horizontal = ["domains"]
    inlines = [PartyInline, CommitmentInline, DocumentInline, NoteInline]

    def get_readonly_fields(self, request, obj=None):
        # A status moves along its transitions on the agreement's page, with a note.
        return ["status"] if obj is not None else []

    def write(self, request, obj, data, change):
        organisations = data.pop("parties", None)
        domains = data.pop("domains", None)
        signatories = data.pop("signatories", None)
        if change:
            roles = {p.organisation_id: p.role for p in obj.parties.all()}
            parties = (
                [(o, roles.get(o.pk, PartyRole.SIGNATORY)) for o in organisations]
                if organisations is not None
                else None
            )
            return services.update_agreement(
                agreement=obj,
                user=request.user,
                parties=parties,
                domains=domains,
                signatories=signatories,
                **data,
            )
        return services.create_agreement(
            user=request.user,
            parties=[(o, PartyRole.SIGNATORY) for o in organisations or []],
            domains=domains or [],
            signatories=signatories or [],
            **data,
        )


class VisitInline(ReadOnlyInline, admin.TabularInline):
    model = Visit
    fields = ["organisation", "place", "starts_at", "ends_at"]


class ContactInline(ReadOnlyInline, admin.TabularInline):
    model = ContactMet
    fields = ["person", "name", "organisation"]


class FollowUpInline(ReadOnlyInline, admin.TabularInline):
    model = FollowUp
    fields = ["kind", "description", "due_on"]


@admin.register(Delegation)
class DelegationAdmin(ServiceAdmin):
    fields = list(DelegationForm.Meta.fields)  # what the delegation page lets staff write
    list_display = ["title", "direction", "starts_on", "ends_on", "countries"]
    list_filter = ["direction"]
    search_fields = ["title"]
    autocomplete_fields = ["hosts", "visitors", "members"]
    inlines = [VisitInline, ContactInline, FollowUpInline]

    def write(self, request, obj, data, change):
        if change:
            return services.update_delegation(delegation=obj, user=request.user, **data)
        return services.create_delegation(user=request.user, **data)
