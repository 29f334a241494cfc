from django.urls import path

from maillage.privacy import views

app_name = "privacy"

urlpatterns = [
    path("", views.policy, name="policy"),
    path("my-data/", views.my_data, name="my_data"),
    path("my-data.json", views.my_data_json, name="my_data_json"),
    path("erase/", views.erase_me, name="erase_me"),
    path("consent/<str:token>/", views.consent_confirm, name="consent_confirm"),
    path("requests/", views.staff_requests, name="staff_requests"),
    path("requests/<int:pk>/data.json", views.staff_person_data, name="staff_person_data"),
    path("requests/<int:pk>/erase/", views.staff_person_erase, name="staff_person_erase"),
    path("requests/<int:pk>/ask-consent/", views.staff_ask_consent, name="staff_ask_consent"),
    path("history/<str:kind>/<int:pk>/", views.history, name="history"),
]
