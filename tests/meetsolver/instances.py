"""Builders for small hand-made instances used across the meetsolver tests."""

from meetsolver import Session, Slot


def day_slots(days: int = 1, per_day: int = 4, am: int = 2) -> tuple[Slot, ...]:
    return tuple(
        Slot(day=d, session=Session.AM if i < am else Session.PM)
        for d in range(1, days + 1)
        for i in range(per_day)
    )
