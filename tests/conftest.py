import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BENCHMARKS = SHARED / "benchmarks" / "b2b-jair2022"


@pytest.fixture
def jair_dir():
    if not BENCHMARKS.is_dir():
        pytest.skip(
            f"benchmark data not found at {BENCHMARKS} (../shared is absent in this checkout)"
        )
    return BENCHMARKS


def chromium_path() -> str | None:
    path = os.environ.get("MAILLAGE_CHROMIUM", "/usr/bin/chromium")
    return path if os.path.exists(path) else None
