"""Loading the demo: one module per domain, each with `load(stdout)`, run in dependency order,
each in its own transaction.

Loading is idempotent: running it again changes nothing (every loader uses natural keys).
"""

from __future__ import annotations

from importlib import import_module

from django.db import transaction

# In dependency order.
DEMO_MODULES = [
    "maillage.demo.ecosystem",
    "maillage.demo.privacy",
    "maillage.demo.events",
    "maillage.demo.tomorrow",  # tomorrow's convention, re-dated on a later load
    "maillage.demo.matchmaking",
    "maillage.demo.matchmaking_tomorrow",
    "maillage.demo.partnerships",
    "maillage.demo.softlanding",
    "maillage.demo.reports",
    "maillage.demo.news",
]


def load_all(stdout) -> None:
    for name in DEMO_MODULES:
        module = import_module(name)
        with transaction.atomic():
            module.load(stdout)
