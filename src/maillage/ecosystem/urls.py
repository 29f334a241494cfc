from django.urls import path

from maillage.ecosystem import views

app_name = "ecosystem"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("<slug:slug>/", views.organisation_detail, name="organisation"),
]
