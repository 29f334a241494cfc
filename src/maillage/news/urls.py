from django.urls import path

from maillage.news import views

app_name = "news"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("sources/", views.sources, name="sources"),
    path("proposals/<int:pk>/", views.proposal, name="proposal"),
    path("proposals/<int:pk>/decide/", views.decide, name="decide"),
    path("bulk-accept/", views.bulk_accept, name="bulk_accept"),
    path("undo/", views.undo, name="undo"),
]
