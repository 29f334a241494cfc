from django.urls import path

from maillage.reports import views
from maillage.reports.yearly import views as yearly_views

app_name = "reports"

urlpatterns: list = [
    path("", views.dashboard, name="dashboard"),
    path("csv/<slug:key>/", views.table_csv, name="csv"),
]

# The yearly report: paragraphs, preview, PDF.
urlpatterns += [
    path("yearly/", yearly_views.yearly_list, name="yearly_list"),
    path("yearly/start/", yearly_views.yearly_start, name="yearly_start"),
    path("yearly/<int:pk>/", yearly_views.yearly_detail, name="yearly_detail"),
    path("yearly/<int:pk>/edit/", yearly_views.yearly_edit, name="yearly_edit"),
    path("yearly/<int:pk>/generate/", yearly_views.yearly_generate, name="yearly_generate"),
    path("yearly/<int:pk>/status/", yearly_views.yearly_status, name="yearly_status"),
    path("yearly/<int:pk>/pdf/", yearly_views.yearly_pdf, name="yearly_pdf"),
]
