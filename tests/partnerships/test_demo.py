from __future__ import annotations

import io

from django.utils import timezone

from maillage.demo import partnerships as partnerships_demo
from maillage.demo import softlanding as softlanding_demo
from maillage.partnerships import network
from maillage.partnerships.models import Agreement, Delegation, Visit
from maillage.softlanding.enums import ApplicationStatus as S
from maillage.softlanding.models import Application


def _load():
    out = io.StringIO()
    partnerships_demo.load(out)
    softlanding_demo.load(out)
    return out.getvalue()


def test_demo_loads_standalone_and_is_idempotent(db):
    _load()
    counts = (
        Agreement.objects.count(),
        Delegation.objects.count(),
        Visit.objects.count(),
        Application.objects.count(),
    )
    assert counts == (6, 3, 9, 6)
    # One delegation is of this year, for the reports of the demo park.
    recent = Delegation.objects.get(title__contains="visiting Château-Gombert")
    assert recent.starts_on.year == timezone.localdate().year
    _load()
    assert counts == (
        Agreement.objects.count(),
        Delegation.objects.count(),
        Visit.objects.count(),
        Application.objects.count(),
    )
    assert Agreement.objects.get(kind="soft_landing", status="negotiation").parties.count() == 2
    assert set(Application.objects.values_list("status", flat=True)) == {
        S.APPLIED,
        S.SCREENING,
        S.MATCHED,
        S.AGREED,
        S.LANDED,
        S.EXITED,
    }
    beijing = Delegation.objects.get(direction="outgoing")
    assert beijing.visits.count() == 6 and (beijing.ends_on - beijing.starts_on).days == 4


def test_demo_network_shows_the_seed_partnerships(db):
    _load()
    net = network.collect(None)  # what an anonymous visitor sees: the public agreements
    pairs = {
        frozenset((net.organisations[r.source].name, net.organisations[r.target].name))
        for r in net.relations
        if r.type != "membership"
    }
    assert frozenset({"Sophia Antipolis", "Chengdu Hi-tech Industrial Development Zone"}) in pairs
    assert frozenset({"inovallée", "Zhongguancun"}) in pairs
    assert frozenset({"Genopole", "Research Triangle Park"}) in pairs
    assert frozenset({"Genopole", "Life Innovation Center"}) in pairs
    assert (
        frozenset({"Genopole", "NC Biotechnology Center"}) not in pairs
    )  # in negotiation, private
