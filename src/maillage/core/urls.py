from django.urls import path

from maillage.core import job_views

app_name = "core"

urlpatterns = [
    path("<uuid:job_id>/", job_views.job, name="job"),
    path("<uuid:job_id>/file", job_views.job_file, name="job_file"),
]
