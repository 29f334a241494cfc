"""The Django admin of maillage: for platform admins (superusers) only, and never a side door.

- ``PlatformAdminSite``: only an active superuser gets in; park and network staff (``is_staff``)
  use the pages and the API, where every check lives. The site is installed by
  ``maillage.core.apps.PlatformAdminConfig`` in INSTALLED_APPS.
- ``ServiceAdmin``: the add and change forms of a domain model write through the model's service
  (``write()``), so the admin refuses what the pages and the API refuse, with the service's own
  sentence on the form. The service is first run inside a savepoint that is rolled back while the
  form is validated, so its refusals show as form errors; the real write happens on save.
- ``ReadOnlyAdmin``: models whose changes have a dedicated path (releases of schedules,
  registrations, applications' pipeline, consents…) are shown, never edited, in the admin.
"""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models, transaction

from maillage.core.forms import add_service_errors

# Links typed without a scheme are https (Django 6's default, said now).
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class PlatformAdminSite(admin.AdminSite):
    site_header = "maillage"
    site_title = "maillage admin"

    def has_permission(self, request):
        user = request.user
        return bool(user.is_active and user.is_superuser)


class _DryRun(Exception):
    """Rolls the savepoint of a validation run of the service back."""


class ServiceAdmin(admin.ModelAdmin):
    """Add and change through ``write(request, obj, data, change)``, which calls the service and
    returns the saved object. ``data`` is the form's cleaned data (on a change: the changed
    fields only, plus the relations the service needs)."""

    formfield_overrides = URL_FIELDS

    def write(self, request, obj, data: dict, change: bool):
        raise NotImplementedError

    def service_data(self, form, change: bool) -> dict:
        data = dict(form.cleaned_data)
        if change:
            data = {name: data[name] for name in form.changed_data if name in data}
        return data

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        model_admin = self

        class ServiceForm(form_class):
            def clean(self):
                cleaned = super().clean()
                if self.errors:
                    return cleaned
                try:
                    with transaction.atomic():
                        model_admin.write(
                            request,
                            self.instance if change else None,
                            model_admin.service_data(self, change),
                            change,
                        )
                        raise _DryRun
                except _DryRun:
                    pass
                except ValidationError as exc:
                    add_service_errors(self, exc)
                return cleaned

            def _post_clean(self):
                # The service validates the object; the model form must not change the instance
                # of a change form before the service has seen the old values.
                if not change:
                    super()._post_clean()

        return form_class if not self.has_write_permission(request) else ServiceForm

    def has_write_permission(self, request) -> bool:
        return self.has_add_permission(request) or self.has_change_permission(request)

    def save_model(self, request, obj, form, change):
        saved = self.write(
            request, obj if change else None, self.service_data(form, change), change
        )
        obj.pk = saved.pk
        obj._state.adding = False
        obj._state.db = saved._state.db

    def save_related(self, request, form, formsets, change):
        # The service has set the relations; inlines of a ServiceAdmin are read-only.
        for formset in formsets:
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # The service says what is missing, in its own sentence.
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None:
            field.required = False
        return field


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown to platform admins, changed only through the platform's own pages and services."""

    formfield_overrides = URL_FIELDS

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline:
    """Mixin for inlines: listed on the parent's page, never written from there."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return list(self.fields or [f.name for f in self.model._meta.fields])

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
