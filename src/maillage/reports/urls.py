from django.urls import path  # noqa: F401  (the dashboard and yearly report routes are added here)

app_name = "reports"

urlpatterns: list = []
