"""The REST API under /api/v1/ (Django Ninja; OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs).

Each domain concept has one router module here; register it below with one line. Every router
uses the same authentication (``maillage.api.auth``), the same answers to domain errors
(``maillage.api.errors``) and the same id lookups (``maillage.api.lookups``).
"""

from ninja import NinjaAPI

from maillage.api import errors
from maillage.api.auth import READ_AUTH


class MaillageAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        """Say in the document that operations with the default authentication also answer
        anonymous callers (an empty security requirement), as they do."""
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                if operation.get("security") == [{"TokenAuth": []}]:
                    operation["security"].append({})
        return schema


api = MaillageAPI(
    title="maillage API",
    version="1",
    urls_namespace="api",
    description="Directory, events, matchmaking, partnerships and reports of maillage.",
    auth=READ_AUTH,
)
errors.install(api)

# Routers: one line per module.
api.add_router("/", "maillage.api.ecosystem.router")
api.add_router("/", "maillage.api.claims.router")
api.add_router("/", "maillage.api.directory_files.router")
api.add_router("/", "maillage.api.events.router")
api.add_router("/", "maillage.api.event_programme.router")
api.add_router("/", "maillage.api.registrations.router")
api.add_router("/", "maillage.api.registration_files.router")
api.add_router("/", "maillage.api.jobs.router")
api.add_router("/", "maillage.api.invitations.router")
api.add_router("/", "maillage.api.agreements.router")
api.add_router("/", "maillage.api.delegations.router")
api.add_router("/", "maillage.api.network.router")
api.add_router("/", "maillage.api.network_exports.router")
api.add_router("/", "maillage.api.programmes.router")
api.add_router("/", "maillage.api.applications.router")
api.add_router("/", "maillage.api.pipeline.router")
api.add_router("/", "maillage.api.matchmaking.router")
api.add_router("/", "maillage.api.participations.router")
api.add_router("/", "maillage.api.people_in_session.router")
api.add_router("/", "maillage.api.marketplace.router")
api.add_router("/", "maillage.api.agendas.router")
api.add_router("/", "maillage.api.recommendations.router")
api.add_router("/", "maillage.api.feedback.router")
api.add_router("/", "maillage.api.sessions.router")
api.add_router("/", "maillage.api.session_participants.router")
api.add_router("/", "maillage.api.schedules.router")
api.add_router("/", "maillage.api.on_the_day.router")
api.add_router("/", "maillage.api.staff_agendas.router")
api.add_router("/", "maillage.api.feedback_rates.router")
api.add_router("/", "maillage.api.yearly_reports.router")
api.add_router("/", "maillage.api.reports.router")
api.add_router("/", "maillage.api.mail.router")
api.add_router("/", "maillage.api.privacy.router")
api.add_router("/", "maillage.api.privacy_requests.router")
api.add_router("/", "maillage.api.accounts.router")
api.add_router("/", "maillage.api.news.router")
