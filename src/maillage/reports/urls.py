from django.urls import path

from maillage.reports import views

app_name = "reports"

urlpatterns: list = [
    path("", views.dashboard, name="dashboard"),
    path("csv/<slug:key>/", views.table_csv, name="csv"),
]
