"""A period's headline figures against the previous period: difference, percentage, direction.

Shares and ratios (``POINT_FIGURES``) change in points, not in percent. A percentage needs a
previous value: from zero to something the change is ``None`` (shown as "new"), from zero to
zero there is no change at all.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from maillage.reports.figures.types import HEADLINE_LABELS, Figures

POINT_FIGURES = frozenset({"meetings_per_participant", "cooperation_possible_share"})


@dataclass(frozen=True)
class Change:
    key: str
    label: str
    current: int | float
    previous: int | float
    difference: int | float
    percent: float | None  # None when the previous value is 0 or the figure is a share
    direction: str  # "up", "down" or "same"

    @property
    def unchanged(self) -> bool:
        return self.direction == "same"

    @property
    def arrow(self) -> str:
        return {"up": "↑", "down": "↓"}.get(self.direction, "→")

    @property
    def is_new(self) -> bool:
        return self.previous == 0 and self.current != 0

    def as_dict(self) -> dict:
        return asdict(self)


def change(key: str, current: int | float, previous: int | float) -> Change:
    difference = current - previous
    if isinstance(difference, float):
        difference = round(difference, 1)
    percent = None
    if key not in POINT_FIGURES and previous:
        percent = round(100.0 * difference / previous, 1)
    direction = "up" if difference > 0 else "down" if difference < 0 else "same"
    return Change(
        key=key,
        label=str(HEADLINE_LABELS.get(key, key)),
        current=current,
        previous=previous,
        difference=difference,
        percent=percent,
        direction=direction,
    )


def compare(current: Figures, previous: Figures) -> list[Change]:
    """One Change per headline figure, in the order of HEADLINE_LABELS."""
    now, before = current.headline(), previous.headline()
    return [change(key, now[key], before[key]) for key in HEADLINE_LABELS]
