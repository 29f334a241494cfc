from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "maillage.core"
    verbose_name = _("Core")


class PlatformAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the platform's own site: for superusers only."""

    default = False  # CoreConfig stays the default config of maillage.core
    default_site = "maillage.core.admin.PlatformAdminSite"
