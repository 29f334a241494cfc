"""Demo data: each app with demo data has a `demo.py` module with `load(stdout)`, run in order.

Loading is idempotent: running it again changes nothing (every loader uses natural keys).
"""

from __future__ import annotations

from importlib import import_module

from django.db import transaction

DEMO_PASSWORD = "maillage-demo"

# (e-mail, role) shown by `make run`; created by maillage.ecosystem.demo.
DEMO_ACCOUNTS = [
    ("admin@maillage.example", "platform admin"),
    ("staff@chateau-gombert.example", "staff of Technopôle de Château-Gombert"),
    ("staff@axe-seine.example", "staff of the Club des Technopoles de l'Axe Seine"),
    ("participant@maillage.example", "participant"),
    ("staff@inovallee.example", "staff of inovallée (partnerships, soft landing)"),
    ("staff@zgc.example", "staff of Zhongguancun / ZGC Group (host of soft-landing startups)"),
    ("staff@genopole.example", "staff of Genopole (partnerships, delegations)"),
]

# Apps append themselves here as they ship demo data, in dependency order.
DEMO_MODULES = [
    "maillage.ecosystem.demo",
    "maillage.privacy.demo",
    "maillage.events.demo",
    "maillage.events.demo_tomorrow",  # tomorrow's convention, re-dated on a later load
    "maillage.matchmaking.demo",
    "maillage.matchmaking.demo_tomorrow",
    "maillage.partnerships.demo",
    "maillage.softlanding.demo",
    "maillage.reports.demo",
    "maillage.news.demo",
]


def load_all(stdout) -> None:
    for name in DEMO_MODULES:
        module = import_module(name)
        with transaction.atomic():
            module.load(stdout)
