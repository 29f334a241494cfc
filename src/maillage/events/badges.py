"""Name badges as PDF (WeasyPrint): one A6 page per participant, or four per A4 sheet.

The QR code carries the registration's token, which the check-in page accepts typed or scanned.
"""

from __future__ import annotations

import segno
from django.template.loader import render_to_string
from django.utils import timezone

from maillage.events.models import Event, Registration

LAYOUTS = ("a6", "a4")


def qr_data_uri(token: str) -> str:
    # PNG rather than SVG: WeasyPrint lays out hundreds of badges about a third faster.
    return segno.make(token, error="m").png_data_uri(scale=6, border=1)


def render_pdf(*, event: Event, registrations: list[Registration], layout: str = "a6") -> bytes:
    # Imported here, not at the top: loading WeasyPrint takes ~1.8 s and only badge printing
    # needs it, not every process that imports this module.
    from weasyprint import HTML

    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; expected a6 or a4")
    badges = [{"registration": r, "qr": qr_data_uri(r.token)} for r in registrations]
    pages = [badges] if layout == "a6" else [badges[i : i + 4] for i in range(0, len(badges), 4)]
    with timezone.override(event.zone):
        html = render_to_string(
            "events/badges.html",
            {"event": event, "layout": layout, "badges": badges, "pages": pages},
        )
    return HTML(string=html).write_pdf()
