"""Demo data: public consents of the fictional people, given as demonstration data and logged.

About 40 % of the generated people (a stable choice by e-mail address) and the demo participant
appear in the public directory. Idempotent: a person with any consent record is left alone.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.db import transaction

from maillage.demo.ecosystem import PARTICIPANT_PERSON
from maillage.ecosystem.models import Person
from maillage.privacy.enums import ConsentPurpose
from maillage.privacy.services import record_demo_consents

CONSENT_AT = dt.datetime(2025, 1, 6, 9, 0, tzinfo=dt.UTC)
SHARE_PERCENT = 40


def _consents(email: str) -> bool:
    if email == PARTICIPANT_PERSON["email"]:
        return True
    digest = hashlib.sha256(email.encode()).digest()
    return int.from_bytes(digest[:4], "big") % 100 < SHARE_PERCENT


@transaction.atomic
def load(stdout) -> None:
    undecided = Person.objects.exclude(
        consent_records__purpose=ConsentPurpose.PUBLIC_DIRECTORY
    ).only("id", "email", "public_consent")
    chosen = [p for p in undecided if p.email and _consents(p.email)]
    count = record_demo_consents(people=chosen, when=CONSENT_AT)
    stdout.write(f"  privacy: {count} demo consents to the public directory\n")
