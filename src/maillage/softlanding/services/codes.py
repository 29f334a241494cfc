"""What staff and applicants type as codes — country codes, language codes, service names —
checked and normalised the same way for host offers and applications."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from maillage.ecosystem import text
from maillage.softlanding.enums import Service


def clean_codes(value, *, field: str, country: bool) -> str:
    """A list or a comma-separated string of codes, upper-cased (countries) or lower-cased
    (languages), checked, without duplicates, as a comma-separated string."""
    items = value if isinstance(value, list | tuple) else (value or "").split(",")
    codes = [c.strip().upper() if country else c.strip().lower() for c in items if c and c.strip()]
    if country:
        bad = [c for c in codes if not text.is_country_code(c)]
        if bad:
            raise ValidationError(
                {
                    field: _("Unknown country code(s): %(codes)s. Use ISO codes such as CN or US.")
                    % {"codes": ", ".join(bad)}
                }
            )
    elif any(len(c) != 2 or not c.isalpha() for c in codes):
        raise ValidationError(
            {field: _("Write languages as two-letter codes separated by commas, e.g. en,fr,zh.")}
        )
    return ",".join(dict.fromkeys(codes))


def clean_services(values, field: str) -> list[str]:
    """Service names (``Service`` values) checked, without duplicates."""
    bad = [v for v in values if v not in Service.values]
    if bad:
        raise ValidationError({field: _("Unknown service(s): %(s)s.") % {"s": ", ".join(bad)}})
    return list(dict.fromkeys(values))
