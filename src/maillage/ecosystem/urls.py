from django.urls import path

from maillage.ecosystem import claim_views, views
from maillage.ecosystem.importing import views as import_views

app_name = "ecosystem"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("map.json", views.directory_map, name="directory_map"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("_new/", views.organisation_create, name="organisation_create"),
    path("_import/", import_views.import_upload, name="import_upload"),
    path("_import/<str:token>/", import_views.import_preview, name="import_preview"),
    path("_import/<str:token>/cancel/", import_views.import_cancel, name="import_cancel"),
    path("_claims/", claim_views.claims_list, name="claims"),
    path("_claims/<int:claim_id>/<str:action>/", claim_views.decide, name="claim_decide"),
    path("<slug:slug>/", views.organisation_detail, name="organisation"),
    path("<slug:slug>/claim/", claim_views.claim, name="organisation_claim"),
    path("<slug:slug>/page/", claim_views.edit_page, name="organisation_page"),
    path("<slug:slug>/edit/", views.organisation_update, name="organisation_update"),
]
