from django.urls import path

from maillage.events import access_views as access
from maillage.events import organiser_views as organiser
from maillage.events import registrant_views as registrant
from maillage.events import views

app_name = "events"

urlpatterns = [
    path("", views.calendar_list, name="calendar"),
    path("month/<int:year>/<int:month>/", views.calendar_month, name="month"),
    path("feed.ics", views.feed, name="feed"),
    path("new/", organiser.create, name="create"),
    path("registration/<int:registration_id>/", registrant.registration, name="registration"),
    path("registration/<int:registration_id>/cancel/", registrant.cancel_own, name="cancel_own"),
    path(
        "registration/<int:registration_id>/new-link/",
        registrant.rotate_link,
        name="rotate_link",
    ),
    path("registration/link/<str:key>/", registrant.registration_link, name="registration_link"),
    path("registration/new-link/", registrant.new_link, name="new_link"),
    # Addresses of old e-mails, built on the badge code: they open nothing and offer a new link.
    path("registration/<str:code>/", registrant.retired_link, name="retired_link"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/event.ics", views.event_ics, name="event_ics"),
    path("<slug:slug>/register/", views.register, name="register"),
    path(
        "<slug:slug>/register/confirm/<str:key>/", access.register_confirm, name="register_confirm"
    ),
    path("<slug:slug>/invitation/<int:registration_id>/", access.invitation, name="invitation"),
    path(
        "<slug:slug>/invitation/<int:registration_id>/renew/",
        access.invitation_renew,
        name="invitation_renew",
    ),
    path("<slug:slug>/registrations/invite/", access.invite, name="invite"),
    path("<slug:slug>/edit/", organiser.edit, name="edit"),
    path("<slug:slug>/status/", organiser.set_status, name="set_status"),
    path("<slug:slug>/programme/new/", organiser.programme_item, name="programme_add"),
    path("<slug:slug>/programme/<int:item_id>/", organiser.programme_item, name="programme_edit"),
    path("<slug:slug>/registrations/", organiser.registrations, name="registrations"),
    path("<slug:slug>/registrations/import/", organiser.import_registrants, name="import"),
    path("<slug:slug>/registrations/export.<str:fmt>", organiser.export, name="export"),
    path(
        "<slug:slug>/registrations/<int:registration_id>/<str:action>/",
        organiser.registration_action,
        name="registration_action",
    ),
    path("<slug:slug>/badges.pdf", organiser.badges_pdf, name="badges"),
    path("<slug:slug>/check-in/", organiser.check_in, name="check_in"),
    path("<slug:slug>/check-in/mark/", organiser.check_in_mark, name="check_in_mark"),
]
