"""Rate limits on the forms that send a mail to an address typed by anyone (sign-in links,
registration checks): so that nobody floods an inbox or sweeps addresses through them.

Counted in Django's cache, per address and per client IP address, in fixed windows. With the
default local-memory cache each process counts on its own; production with several web
processes points ``CACHES`` at a shared cache (database or Redis) for one count.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache

WINDOW_SECONDS = 15 * 60
PER_ADDRESS = 3  # mails to one address per window
PER_CLIENT = 20  # requests from one IP address per window


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _hit(kind: str, value: str, limit: int) -> bool:
    """Count one request; True while the count stays within the limit."""
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    key = f"maillage:rate:{kind}:{digest}"
    if cache.add(key, 1, timeout=WINDOW_SECONDS):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=WINDOW_SECONDS)
        return True
    return count <= limit


def allow_mail(*, purpose: str, address: str, request) -> bool:
    """True when one more mail to ``address`` asked from this client may go out. Both counters
    move on every call, whether the address is known or not, so the answer reveals nothing."""
    by_client = _hit(f"{purpose}:ip", client_ip(request), PER_CLIENT)
    by_address = _hit(f"{purpose}:to", address, PER_ADDRESS)
    return by_client and by_address


def allow(*, purpose: str, key: str, limit: int) -> bool:
    """A single counter, for actions keyed on something else than an address."""
    return _hit(purpose, key, limit)
