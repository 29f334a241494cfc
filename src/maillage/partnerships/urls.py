from django.urls import path

from maillage.partnerships.views import agreements, delegations, network

app_name = "partnerships"

urlpatterns = [
    path("", agreements.agreement_list, name="agreements"),
    path("agreements/new/", agreements.agreement_create, name="agreement_create"),
    path("agreements/<int:pk>/", agreements.agreement_detail, name="agreement"),
    path("agreements/<int:pk>/edit/", agreements.agreement_edit, name="agreement_edit"),
    path("agreements/<int:pk>/status/", agreements.agreement_status, name="agreement_status"),
    path("agreements/<int:pk>/commitments/", agreements.commitment_add, name="commitment_add"),
    path(
        "agreements/<int:pk>/commitments/<int:commitment_pk>/toggle/",
        agreements.commitment_toggle,
        name="commitment_toggle",
    ),
    path("agreements/<int:pk>/documents/", agreements.document_upload, name="document_upload"),
    path(
        "agreements/<int:pk>/documents/<int:document_pk>/",
        agreements.document_download,
        name="document",
    ),
    path("agreements/<int:pk>/notes/", agreements.note_add, name="note_add"),
    path("network/", network.network_map, name="network"),
    path("network/park/<slug:slug>/", network.park_profile, name="park_profile"),
    path("network/export.graphml", network.export_graphml, name="export_graphml"),
    path("network/export-kumu.zip", network.export_kumu, name="export_kumu"),
    path("delegations/", delegations.delegation_list, name="delegations"),
    path("delegations/new/", delegations.delegation_create, name="delegation_create"),
    path("delegations/<int:pk>/", delegations.delegation_detail, name="delegation"),
    path("delegations/<int:pk>/edit/", delegations.delegation_edit, name="delegation_edit"),
    path("delegations/<int:pk>/visits/", delegations.visit_add, name="visit_add"),
    path("delegations/<int:pk>/contacts/", delegations.contact_add, name="contact_add"),
    path("delegations/<int:pk>/follow-ups/", delegations.follow_up_add, name="follow_up_add"),
    path(
        "delegations/<int:pk>/follow-ups/<int:follow_up_pk>/toggle/",
        delegations.follow_up_toggle,
        name="follow_up_toggle",
    ),
]
