"""The key figures of a park or a network for a period (definitions in docs/reports.md).

``types`` holds their shapes and labels, ``compute`` the one function that fills them,
``compute_figures``, from one module per family of figures: ``events`` (events, B2B meetings,
feedback), ``partnerships`` (agreements, delegations), ``softlanding``, ``directory`` and
``countries``. Those modules import ``types`` only, never one another's caller."""

from maillage.reports.figures.compute import compute_figures
from maillage.reports.figures.types import HEADLINE_LABELS, Figures

__all__ = ["HEADLINE_LABELS", "Figures", "compute_figures"]
