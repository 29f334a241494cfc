"""The solver's sentences: English text that keeps its key and parameters, across processes."""

import json
import pickle

from meetsolver.reasons import ENGLISH, Reason


def test_a_reason_is_its_english_sentence_and_keeps_key_and_params():
    order = [Reason("order_after", meetings=[Reason("meeting_in_slot", meeting=1, slot=3)])]
    reason = Reason("order_kept_nowhere", order=order, slots=[1, 2])
    assert (
        reason
        == "it must come after meeting 1 (slot 3), and none of its free slots (1, 2) keeps that order"
    )
    assert reason.key == "order_kept_nowhere" and reason.params["slots"] == [1, 2]
    assert json.dumps([reason]) == json.dumps([str(reason)])


def test_plural_lists_and_long_slot_lists():
    one = Reason("fixed_slot_unavailable", slot=2, away=["p1"], count=1)
    two = Reason("fixed_slot_unavailable", slot=2, away=["p1", "p2", "p3"], count=3)
    assert one == "it is fixed to slot 2, where p1 is not available"
    assert two == "it is fixed to slot 2, where p1, p2 and p3 are not available"
    many = Reason("busy_in_every_slot", slots=list(range(1, 12)))
    assert many.endswith("(slots 1, 2, 3, 4, 5, 6, 7, 8, …)")


def test_a_reason_survives_pickling_between_processes():
    reason = Reason(
        "required_without_place",
        request=Reason("request", number=3, members=["a", "b"]),
        why=[Reason("no_tables_at_all"), Reason("meets_only_online", who="a")],
    )
    back = pickle.loads(pickle.dumps(reason))
    assert (
        back
        == reason
        == "request 3 (a / b) is required but cannot be held: there are no tables; a meets only online"
    )
    assert back.key == reason.key and back.params["request"].key == "request"


def test_every_template_is_a_sentence_or_a_singular_plural_pair():
    for key, template in ENGLISH.items():
        assert isinstance(template, str) or len(template) == 2, key
