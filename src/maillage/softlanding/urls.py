from django.urls import path

from maillage.softlanding.views import applications, programmes

app_name = "softlanding"

urlpatterns = [
    path("", programmes.programme_list, name="programmes"),
    path("programmes/new/", programmes.programme_create, name="programme_create"),
    path("programmes/<int:pk>/", programmes.programme_detail, name="programme"),
    path("programmes/<int:pk>/edit/", programmes.programme_edit, name="programme_edit"),
    path("programmes/<int:pk>/offers/new/", programmes.offer_edit, name="offer_create"),
    path("programmes/<int:pk>/offers/<int:offer_pk>/", programmes.offer_edit, name="offer_edit"),
    path("programmes/<int:pk>/board/", programmes.board, name="board"),
    path("programmes/<int:pk>/matching/", programmes.matching_view, name="matching"),
    path(
        "programmes/<int:pk>/matching/accept/", programmes.matching_accept, name="matching_accept"
    ),
    path("programmes/<int:pk>/apply/", applications.application_create, name="application_create"),
    path("applications/<int:pk>/", applications.application_detail, name="application"),
    path("applications/<int:pk>/scores/", applications.application_score, name="application_score"),
    path("applications/<int:pk>/move/", applications.application_move, name="application_move"),
    path("applications/<int:pk>/outcomes/", applications.outcome_add, name="outcome_add"),
    path("applications/<int:pk>/follow-ups/", applications.follow_up_add, name="follow_up_add"),
]
