"""The solver's sentences reach organisers in their language: every template of
meetsolver.reasons has its French translation in matchmaking's catalogue, stored runs keep the
sentences as data, and the run panel says them in the reader's language."""

from __future__ import annotations

import json
import string

import pytest
from django.urls import reverse
from django.utils import translation

from maillage.matchmaking.models import ScheduleRun
from maillage.matchmaking.scheduling import reasons, release, runs
from maillage.matchmaking.services import editing, sessions
from maillage.matchmaking.services.sessions import ensure_draft
from meetsolver.reasons import ENGLISH, Reason
from tests.ecosystem.factories import PASSWORD


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _templates():
    for key, template in ENGLISH.items():
        yield from ((key, t) for t in (template if isinstance(template, tuple) else (template,)))


@pytest.mark.parametrize(("key", "english"), list(_templates()))
def test_every_solver_sentence_is_translated_into_french(key, english):
    with translation.override("fr"):
        if isinstance(ENGLISH[key], tuple):
            singular, plural = ENGLISH[key]
            french = translation.ngettext(singular, plural, 1 if english == singular else 2)
        else:
            french = translation.gettext(english)
    # Identical words ("table") are allowed for one-word fragments only.
    assert french != english or len(english.split()) == 1, (
        f"{key}: add the French of this sentence to matchmaking's catalogue "
        "(locale/fr/LC_MESSAGES/django.po) and compile it"
    )
    assert _fields(french) == _fields(english), f"{key}: the French loses or adds a parameter"


def test_stored_reasons_are_said_in_the_readers_language():
    order = [Reason("order_after", meetings=[Reason("meeting_in_slot", meeting=1, slot=3)])]
    stored = json.loads(
        json.dumps(reasons.as_data(Reason("order_kept_nowhere", order=order, slots=[1, 2])))
    )
    with translation.override("en"):
        assert reasons.said(stored) == (
            "it must come after meeting 1 (slot 3), and none of its free slots (1, 2) keeps "
            "that order"
        )
    with translation.override("fr"):
        assert reasons.said(stored) == (
            "il doit avoir lieu après le rendez-vous 1 (créneau 3), et aucun de ses créneaux "
            "libres (1, 2) ne respecte cet ordre"
        )
        names = Reason("no_common_slot", who=["Ana", "Ben", "Chloé"])
        assert reasons.said(names) == "Ana, Ben et Chloé n’ont aucun créneau libre en commun"
    # A sentence of an older run (plain text) or an unknown key is shown as it was stored.
    assert reasons.said({"text": "as it was"}) == "as it was"
    assert reasons.said({"key": "gone", "params": {}, "text": "kept"}) == "kept"


@pytest.mark.django_db(transaction=True)
def test_a_failed_run_tells_the_organiser_why_in_french(client, session, people, organiser):
    a, b, *_ = people
    editing.add_meeting(
        schedule=ensure_draft(session),
        people=[a, b],
        slot=session.slots.get(index=0),
        table=session.tables.get(number=1),
    )
    published = release.publish(session=session, user=organiser)
    # The meeting is locked, then every table goes: it can be held nowhere.
    editing.set_locked(meeting=ensure_draft(session).meetings.get(), locked=True)
    ensure_draft(session).meetings.update(table=None)
    published.meetings.update(table=None)
    sessions.set_tables(session=session, count=0)
    run = runs.execute_run(run_id=ScheduleRun.objects.create(session=session).pk)
    assert run.result["conflicts_why"] and run.result["conflicts"]

    client.login(email=organiser.email, password=PASSWORD)
    url = reverse("matchmaking:run_progress", args=[run.pk])
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    french = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "is required but cannot be held" in english
    assert "est obligatoire mais ne peut pas avoir lieu" in french
    assert "cannot be held" not in french
