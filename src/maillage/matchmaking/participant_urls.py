"""Routes of the participant pages (marketplace, recommendations, agendas, feedback).

Included by ``matchmaking/urls.py`` inside the ``matchmaking`` namespace.
"""

from django.urls import path

from maillage.matchmaking.views import marketplace as market
from maillage.matchmaking.views import participant as views

urlpatterns = [
    path("events/<slug:slug>/marketplace/", market.browse, name="marketplace"),
    path("events/<slug:slug>/marketplace/new/", market.publish, name="publish"),
    path("events/<slug:slug>/marketplace/mine/", market.mine, name="my_opportunities"),
    path("events/<slug:slug>/marketplace/<int:opportunity_id>/", market.detail, name="opportunity"),
    path(
        "events/<slug:slug>/marketplace/<int:opportunity_id>/edit/",
        market.edit,
        name="opportunity_edit",
    ),
    path(
        "events/<slug:slug>/marketplace/<int:opportunity_id>/withdraw/",
        market.withdraw,
        name="opportunity_withdraw",
    ),
    path("events/<slug:slug>/feedback/", views.feedback_rates, name="feedback_rates"),
    path("sessions/<int:session_id>/agenda/", views.my_agenda, name="my_agenda"),
    path("sessions/<int:session_id>/agenda.<str:fmt>", views.my_agenda, name="my_agenda_file"),
    path(
        "sessions/<int:session_id>/participants/<int:participant_id>/agenda/",
        views.participant_agenda,
        name="participant_agenda",
    ),
    path(
        "sessions/<int:session_id>/participants/<int:participant_id>/agenda.<str:fmt>",
        views.participant_agenda,
        name="participant_agenda_file",
    ),
    path("agenda/<str:token>.ics", views.agenda_feed, name="agenda_feed"),
    path(
        "sessions/<int:session_id>/agenda/calendar-link/",
        views.rotate_calendar_link,
        name="rotate_calendar_link",
    ),
    path("sessions/<int:session_id>/agenda/pdf/", views.my_agenda_pdf, name="my_agenda_pdf"),
    path(
        "sessions/<int:session_id>/participants/<int:participant_id>/agenda/pdf/",
        views.participant_agenda_pdf,
        name="participant_agenda_pdf",
    ),
    path("sessions/<int:session_id>/agendas/pdf/", views.all_agendas_pdf, name="agendas_pdf"),
    path("sessions/<int:session_id>/table-plan/", views.table_plan, name="table_plan"),
    path("sessions/<int:session_id>/table-plan/pdf/", views.table_plan_pdf, name="table_plan_pdf"),
    path("sessions/<int:session_id>/recommendations/", views.recommended, name="recommendations"),
    path("sessions/<int:session_id>/feedback/", views.my_feedback, name="my_feedback"),
    path(
        "sessions/<int:session_id>/feedback/<int:meeting_id>/",
        views.give_feedback,
        name="give_feedback",
    ),
]
