"""The events demo moved to maillage.demo.events; this name stays only for matchmaking's demo
tests, which import it by its old path until matchmaking's demo modules move to maillage.demo.
Nothing else may import it (tests/test_architecture.py)."""

from maillage.demo.events import ORGANISATIONS, load

__all__ = ["ORGANISATIONS", "load"]
