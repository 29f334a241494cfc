"""Django admin for the directory, for platform admins only (see maillage.core.admin): every
add and change goes through the directory's services, memberships through ``add_membership``.
A person's consent is shown, never set here: only the person gives it."""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from maillage.core.admin import ReadOnlyInline, ServiceAdmin
from maillage.ecosystem import services
from maillage.ecosystem.models import Affiliation, Membership, Organisation, Person, Sector


class MembershipInline(ReadOnlyInline, admin.TabularInline):
    model = Membership
    fk_name = "network"
    fields = ["member", "role", "since", "until"]
    verbose_name = _("member")
    verbose_name_plural = _("members of this network (change them under Memberships)")


class NetworkLinkInline(ReadOnlyInline, admin.TabularInline):
    model = Membership
    fk_name = "member"
    fields = ["network", "role", "since", "until"]
    verbose_name = _("network")
    verbose_name_plural = _("networks this organisation belongs to (change them under Memberships)")


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_fr", "parent"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["code", "name_en", "name_fr"]
    list_select_related = ["parent"]


@admin.register(Organisation)
class OrganisationAdmin(ServiceAdmin):
    list_display = ["name", "kind", "subtype", "city", "country", "host_park"]
    list_filter = ["kind", "country", ("sectors", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "name_key", "aliases", "city", "website_domain"]
    list_select_related = ["host_park"]
    autocomplete_fields = ["parent", "host_park"]
    filter_horizontal = ["sectors"]
    readonly_fields = ["slug", "website_domain", "created_at", "updated_at"]
    show_full_result_count = False  # COUNT(*) on 100,000 rows at each page for nothing
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["name", "aliases", "kind", "subtype", "slug"]}),
        (_("Place"), {"fields": ["country", "city", "address", "latitude", "longitude"]}),
        (_("Ties"), {"fields": ["parent", "host_park", "sectors"]}),
        (
            _("About"),
            {
                "fields": [
                    "website",
                    "website_domain",
                    "description_en",
                    "description_fr",
                    "size_band",
                    "founded_year",
                ]
            },
        ),
        (_("Record"), {"fields": ["created_at", "updated_at"]}),
    ]

    def get_inlines(self, request, obj):
        if obj is not None and obj.kind == "network":
            return [NetworkLinkInline, MembershipInline]
        return [NetworkLinkInline]

    def write(self, request, obj, data, change):
        sectors = data.pop("sectors", None)
        if change:
            return services.update_organisation(obj, by=request.user, sectors=sectors, **data)
        return services.create_organisation(by=request.user, sectors=sectors, **data)


@admin.register(Person)
class PersonAdmin(ServiceAdmin):
    list_display = ["last_name", "first_name", "email", "public_consent"]
    list_filter = ["public_consent"]
    search_fields = ["first_name", "last_name", "email"]
    autocomplete_fields = ["user"]
    inlines = [AffiliationInline]
    fields = [
        "first_name",
        "last_name",
        "email",
        "phone",
        "languages",
        "bio",
        "user",
        "public_consent",
        "consent_at",
        "created_at",
        "updated_at",
    ]
    readonly_fields = ["public_consent", "consent_at", "created_at", "updated_at"]
    # What the public directory shows of a person who consented is theirs to change (profile
    # page); an admin cannot rewrite it behind their back.
    public_profile_fields = ["first_name", "last_name", "languages", "bio"]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.public_consent:
            fields += self.public_profile_fields
        return fields

    def write(self, request, obj, data, change):
        if change:
            return services.update_person(obj, **data)
        return services.create_person(**data)

    def save_related(self, request, form, formsets, change):
        # Affiliations are plain ties of the person to organisations: saved as the admin does.
        admin.ModelAdmin.save_related(self, request, form, formsets, change)


@admin.register(Membership)
class MembershipAdmin(ServiceAdmin):
    list_display = ["network", "member", "role", "since", "until"]
    list_filter = ["role", ("network", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["network__name", "member__name"]
    autocomplete_fields = ["network", "member"]
    list_select_related = ["network", "member"]

    def get_readonly_fields(self, request, obj=None):
        # A membership is known by its network, member and start; a change sets role and end.
        return ["network", "member", "since"] if obj is not None else []

    def service_data(self, form, change):
        return dict(form.cleaned_data)

    def write(self, request, obj, data, change):
        if change:
            data = {"network": obj.network, "member": obj.member, "since": obj.since, **data}
        return services.add_membership(by=request.user, **data)
