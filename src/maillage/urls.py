from django.contrib import admin
from django.urls import include, path

from maillage.api import api
from maillage.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("health/", core_views.health_check, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("maillage.accounts.urls")),
    path("directory/", include("maillage.ecosystem.urls")),
    path("partnerships/", include("maillage.partnerships.urls")),
    path("softlanding/", include("maillage.softlanding.urls")),
    path("events/", include("maillage.events.urls")),
    path("matchmaking/", include("maillage.matchmaking.urls")),
    path("reports/", include("maillage.reports.urls")),
    path("news/", include("maillage.news.urls")),
    path("privacy/", include("maillage.privacy.urls")),
    path("mail/", include("maillage.mail.urls")),
    path("jobs/", include("maillage.core.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
