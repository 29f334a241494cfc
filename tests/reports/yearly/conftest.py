"""Fixtures of the yearly-report tests: the known year of ``known_year``."""

from tests.reports.yearly.known_year import (  # noqa: F401  (fixtures)
    compiled_catalogues_reports,
    media_root,
    report,
    world,
)
