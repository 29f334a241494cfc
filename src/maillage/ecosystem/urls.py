from django.urls import path

from maillage.ecosystem import views

app_name = "ecosystem"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("map.json", views.directory_map, name="directory_map"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("_new/", views.organisation_create, name="organisation_create"),
    path("<slug:slug>/", views.organisation_detail, name="organisation"),
    path("<slug:slug>/edit/", views.organisation_update, name="organisation_update"),
]
