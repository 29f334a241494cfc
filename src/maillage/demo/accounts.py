"""The demo accounts: who signs in to the demo, with which password."""

from __future__ import annotations

DEMO_PASSWORD = "maillage-demo"

# (e-mail, role) listed once the demo is loaded; created by maillage.demo.ecosystem.
DEMO_ACCOUNTS = [
    ("admin@maillage.example", "platform admin"),
    ("staff@chateau-gombert.example", "staff of Technopôle de Château-Gombert"),
    ("staff@axe-seine.example", "staff of the Club des Technopoles de l'Axe Seine"),
    ("participant@maillage.example", "participant"),
    ("staff@inovallee.example", "staff of inovallée (partnerships, soft landing)"),
    ("staff@zgc.example", "staff of Zhongguancun / ZGC Group (host of soft-landing startups)"),
    ("staff@genopole.example", "staff of Genopole (partnerships, delegations)"),
]
