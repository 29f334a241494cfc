"""The REST API under /api/v1/ (Django Ninja; OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs).

Each app has one router module here; register it below with one line.
"""

from ninja import NinjaAPI

from maillage.api.auth import TokenAuth, session_or_anonymous

api = NinjaAPI(
    title="maillage API",
    version="1",
    urls_namespace="api",
    description="Directory, events, matchmaking, partnerships and reports of maillage.",
    auth=[TokenAuth(), session_or_anonymous],
)

# Routers: one line per app.
api.add_router("/", "maillage.api.ecosystem.router")
api.add_router("/", "maillage.api.events.router")
api.add_router("/", "maillage.api.partnerships.router")
api.add_router("/", "maillage.api.softlanding.router")
api.add_router("/", "maillage.api.matchmaking.router")
api.add_router("/", "maillage.api.reports.router")
