"""Tomorrow's convention demo moved to maillage.demo.tomorrow; this name stays only for
maillage.matchmaking.demo_tomorrow, which imports it by its old path until it moves to
maillage.demo. Nothing else may import it (tests/test_architecture.py)."""

from maillage.demo.tomorrow import SLUG

__all__ = ["SLUG"]
