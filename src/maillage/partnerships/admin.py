from django.contrib import admin

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


class PartyInline(admin.TabularInline):
    model = AgreementParty
    raw_id_fields = ["organisation"]
    extra = 0


class CommitmentInline(admin.TabularInline):
    model = Commitment
    extra = 0


class DocumentInline(admin.TabularInline):
    model = AgreementDocument
    extra = 0


class NoteInline(admin.TabularInline):
    model = AgreementNote
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "signed_on", "ends_on", "is_public"]
    list_filter = ["kind", "status", "is_public"]
    search_fields = ["title", "parties__organisation__name"]
    filter_horizontal = ["domains", "signatories"]
    inlines = [PartyInline, CommitmentInline, DocumentInline, NoteInline]


class VisitInline(admin.TabularInline):
    model = Visit
    extra = 0


class ContactInline(admin.TabularInline):
    model = ContactMet
    extra = 0


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0


@admin.register(Delegation)
class DelegationAdmin(admin.ModelAdmin):
    list_display = ["title", "direction", "starts_on", "ends_on", "countries"]
    list_filter = ["direction"]
    search_fields = ["title"]
    filter_horizontal = ["hosts", "visitors", "members"]
    inlines = [VisitInline, ContactInline, FollowUpInline]
