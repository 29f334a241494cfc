from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SoftlandingConfig(AppConfig):
    name = "maillage.softlanding"
    verbose_name = _("Soft landing")
