from django.urls import path

from maillage.mail import views

app_name = "mail"

urlpatterns = [
    path("events/<slug:slug>/outbox/", views.outbox, name="outbox"),
    path("events/<slug:slug>/outbox/resend/", views.resend, name="resend"),
]
