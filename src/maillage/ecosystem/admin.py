"""Django admin for the directory. Park and network staff (is_staff, not superuser) may use it
for the organisations they manage only: every permission goes through rules.py."""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from maillage.ecosystem import rules as directory_rules
from maillage.ecosystem.models import Affiliation, Membership, Organisation, Person, Sector


class RulesPermissions:
    """Ask django-rules (object-level) instead of the model permissions table."""

    permission_object_attr: str | None = None  # attribute holding the organisation to check

    def _organisation(self, obj):
        if obj is None or self.permission_object_attr is None:
            return obj
        return getattr(obj, self.permission_object_attr)

    def has_module_permission(self, request):
        return directory_rules.is_platform_admin(
            request.user
        ) or directory_rules.is_park_or_network_staff(request.user)

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request, obj=None):
        return request.user.has_perm("ecosystem.add_organisation")

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return self.has_module_permission(request)
        return request.user.has_perm("ecosystem.change_organisation", self._organisation(obj))

    def has_delete_permission(self, request, obj=None):
        if directory_rules.is_platform_admin(request.user):
            return True
        return (
            obj is not None
            and self.permission_object_attr is not None
            and request.user.has_perm("ecosystem.change_organisation", self._organisation(obj))
        )


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "network"
    extra = 0
    autocomplete_fields = ["member"]
    verbose_name = _("member")
    verbose_name_plural = _("members of this network")


class NetworkLinkInline(admin.TabularInline):
    model = Membership
    fk_name = "member"
    extra = 0
    autocomplete_fields = ["network"]
    verbose_name = _("network")
    verbose_name_plural = _("networks this organisation belongs to")


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

    def has_module_permission(self, request):
        return directory_rules.is_platform_admin(request.user)

    has_view_permission = has_add_permission = has_change_permission = has_delete_permission = (
        lambda self, request, obj=None: directory_rules.is_platform_admin(request.user)
    )


@admin.register(Organisation)
class OrganisationAdmin(RulesPermissions, admin.ModelAdmin):
    list_display = ["name", "kind", "subtype", "city", "country", "host_park"]
    list_filter = ["kind", "country", ("sectors", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "name_key", "aliases", "city", "website_domain"]
    list_select_related = ["host_park"]
    autocomplete_fields = ["parent", "host_park"]
    filter_horizontal = ["sectors"]
    readonly_fields = ["slug", "website_domain", "created_at", "updated_at"]
    inlines = [NetworkLinkInline, MembershipInline]
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


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "email", "public_consent"]
    list_filter = ["public_consent"]
    search_fields = ["first_name", "last_name", "email"]
    autocomplete_fields = ["user"]
    inlines = [AffiliationInline]
    readonly_fields = ["consent_at", "created_at", "updated_at"]

    def _managed(self, request, obj) -> bool:
        if directory_rules.is_platform_admin(request.user):
            return True
        if obj is None:
            return directory_rules.is_park_or_network_staff(request.user)
        ids = directory_rules.managed_organisation_ids(request.user)
        return obj.affiliations.filter(organisation_id__in=ids).exists()

    def has_module_permission(self, request):
        return self._managed(request, None)

    def has_view_permission(self, request, obj=None):
        return self._managed(request, None)

    def has_add_permission(self, request):
        return self._managed(request, None)

    def has_change_permission(self, request, obj=None):
        return self._managed(request, obj)

    def has_delete_permission(self, request, obj=None):
        return directory_rules.is_platform_admin(request.user)


@admin.register(Membership)
class MembershipAdmin(RulesPermissions, admin.ModelAdmin):
    permission_object_attr = "network"
    list_display = ["network", "member", "role", "since", "until"]
    list_filter = ["role", ("network", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["network__name", "member__name"]
    autocomplete_fields = ["network", "member"]
    list_select_related = ["network", "member"]

    def has_add_permission(self, request, obj=None):
        return self.has_module_permission(request)
