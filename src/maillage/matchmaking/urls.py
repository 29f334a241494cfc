from django.urls import include, path

from maillage.matchmaking.views import booking, schedule, setup

app_name = "matchmaking"

urlpatterns = [
    # Organisers: set-up.
    path("events/<slug:slug>/sessions/", setup.session_list, name="sessions"),
    path("sessions/<int:session_id>/setup/", setup.setup, name="setup"),
    path(
        "sessions/<int:session_id>/days/<int:day_id>/remove/", setup.remove_day, name="remove_day"
    ),
    path("sessions/<int:session_id>/participants/", setup.participants, name="participants"),
    path(
        "sessions/<int:session_id>/participants/<int:participant_id>/settings/",
        setup.participant_settings,
        name="participant_settings",
    ),
    # Organisers: the schedule.
    path("sessions/<int:session_id>/schedule/", schedule.schedule, name="schedule"),
    path("sessions/<int:session_id>/runs/", schedule.run_start, name="run_start"),
    path("runs/<int:run_id>/", schedule.run_progress, name="run_progress"),
    path("runs/<int:run_id>/stop/", schedule.run_stop, name="run_stop"),
    path("runs/<int:run_id>/apply/", schedule.run_apply, name="run_apply"),
    path("sessions/<int:session_id>/meetings/add/", schedule.meeting_add, name="meeting_add"),
    path(
        "sessions/<int:session_id>/meetings/<int:meeting_id>/",
        schedule.meeting_edit,
        name="meeting_edit",
    ),
    path("sessions/<int:session_id>/publish/", schedule.publish, name="schedule_publish"),
    path("sessions/<int:session_id>/versions/", schedule.versions, name="versions"),
    path("sessions/<int:session_id>/versions/<int:number>/", schedule.version, name="version"),
    path("sessions/<int:session_id>/day/", schedule.on_the_day, name="day"),
    # Participants: requests and wishes.
    path("events/<slug:slug>/mine/", booking.hub, name="hub"),
    path("sessions/<int:session_id>/requests/", booking.inbox, name="requests"),
    path(
        "sessions/<int:session_id>/requests/to/<int:participant_id>/",
        booking.send,
        name="request_send",
    ),
    path("requests/<int:request_id>/<str:action>/", booking.answer, name="request_answer"),
    path("sessions/<int:session_id>/wishes/", booking.wish_list, name="wishes"),
    path(
        "sessions/<int:session_id>/wishes/<int:participant_id>/",
        booking.wish_set,
        name="wish_set",
    ),
    path("sessions/<int:session_id>/book/", booking.self_book, name="self_book_choose"),
    path(
        "sessions/<int:session_id>/book/<int:participant_id>/",
        booking.self_book,
        name="self_book",
    ),
    # Participants: marketplace, agendas, recommendations, feedback.
    path("", include("maillage.matchmaking.participant_urls")),
]
