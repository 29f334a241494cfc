"""The sentences the solver says to organisers — why a wish is left out, why no schedule
exists — as a key and parameters, rendered in English here.

A ``Reason`` is a ``str`` (its English sentence), so printing, comparing and storing it work as
for any text; it also keeps ``key`` and ``params`` so that an application can say the same
sentence in another language: it translates ``ENGLISH[key]`` (a ``str.format`` template, or a
(singular, plural) pair chosen by ``params["count"]``) and renders the parameters with
:func:`render`, which it can give its own word for "and".

Parameters follow three conventions, the same in every language: a nested ``Reason`` is
rendered first; ``slots`` is a list of 1-based slot numbers (the first eight shown); any other
list is joined as names ("a, b and c"), ``members`` with " / ", ``why`` (several reasons)
with "; ".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

SHOWN_SLOTS = 8

ENGLISH: dict[str, str | tuple[str, str]] = {
    # why a wished-for meeting is left out (meetsolver.explain)
    "no_common_slot": "{who} have no common free slot",
    "no_common_slot_in_session": "{who} have no common free slot in the {session} session",
    "fixed_slot_unavailable": (
        "it is fixed to slot {slot}, where {away} is not available",
        "it is fixed to slot {slot}, where {away} are not available",
    ),
    "fixed_slot_outside_session": (
        "it is fixed to slot {slot}, which is not in the {session} session it asks for"
    ),
    "maximum_reached": "{who} has reached their maximum of {maximum} meetings",
    "busy_in_every_slot": (
        "it conflicts with higher-priority meetings: in each common free slot one of them "
        "already meets someone else (slots {slots})"
    ),
    "places_taken_in_slot": "every {place} is taken in the slot where {everyone} are free (slot {slot})",
    "places_taken_in_slots": "every {place} is taken in the {n} slots where {everyone} are free",
    "order_kept_nowhere": (
        "it must come {order}, and none of its free slots ({slots}) keeps that order"
    ),
    "order_after": "after {meetings}",
    "order_before": "before {meetings}",
    "meeting_in_slot": "meeting {meeting} (slot {slot})",
    "fairness_bound": (
        "placing it in any slot where {everyone} are free (slots {slots}) would push the breaks "
        "of {who} beyond the fairness bound of {bound} between participants"
    ),
    "weight_zero": "its weight is 0: it adds nothing to the schedule, so the solver left it out",
    "time_limit": (
        "the search stopped at its time limit before placing it (slots {slots} were still "
        "possible); give the solver more time"
    ),
    "others_would_move": (
        "placing it would need other meetings to move, which would lower the total weight or "
        "add breaks"
    ),
    "online_and_onsite_only": (
        "{online} meets only online and {onsite} only on site",
        "{online} meet only online and {onsite} only on site",
    ),
    "online_only_no_rooms": (
        "{online} meets only online and the event has no online rooms",
        "{online} meet only online and the event has no online rooms",
    ),
    "must_be_online_no_rooms": "it must be online and the event has no online rooms",
    "must_be_onsite_but_online_only": (
        "it must be on site but {online} meets only online",
        "it must be on site but {online} meet only online",
    ),
    "must_be_online_but_onsite_only": (
        "it must be online but {onsite} meets only on site",
        "it must be online but {onsite} meet only on site",
    ),
    "own_reserved_tables": "{who} each meet at their own reserved table",
    "no_tables": "the event has no tables",
    "no_tables_no_rooms": "the event has no tables and no online rooms",
    "both": "both",
    "all_of_them": "all of them",
    "table": "table",
    "online_room": "online room",
    "table_and_online_room": "table and online room",
    "am": "am",
    "pm": "pm",
    # why no schedule exists (meetsolver.conflicts, the model, the instance, a construction)
    "request": "request {number} ({members})",
    "cannot_all_hold": "These constraints cannot all hold together:",
    "more_of_the_same": "…and {n} more constraints of the same kinds.",
    "no_core_found": (
        "No schedule was found in the time given, and no small set of conflicting constraints "
        "could be isolated; try a longer time limit."
    ),
    "unavailable_in_slots": "{who} is unavailable in slot(s) {slots}.",
    "at_most_meetings": "{who} has at most {n} meetings.",
    "at_least_meetings": "{who} has at least {n} meetings.",
    "must_be_held": "{request} must be held.",
    "must_be_in_morning": "{request} must take place in the morning.",
    "must_be_in_afternoon": "{request} must take place in the afternoon.",
    "fixed_to_slot": "{request} is fixed to slot {slot}.",
    "must_come_after": "{request} must take place after {other}.",
    "fair_breaks": "The numbers of breaks of any two participants differ by at most {bound}.",
    "required_without_slot": (
        "{request} is required but no slot suits it: its session, fixed slot and the "
        "participants' unavailable slots exclude every slot"
    ),
    "required_without_place": "{request} is required but cannot be held: {why}",
    "meets_only_online": "{who} meets only online",
    "meets_only_onsite": "{who} meets only on site",
    "no_online_rooms": "there are no online rooms",
    "no_tables_at_all": "there are no tables",
    "required_not_scheduled": "request {number} is required but not scheduled",
    "fewer_than_minimum": "participant {who!r} has fewer than {n} meetings",
    "fairness_exceeded": "the fairness bound is exceeded",
    "overloaded": (
        "participant {number} ({who!r}) has {required} required meetings but only {free} free "
        "slots; remove required meetings or free some slots"
    ),
}


def template_of(key: str, params: Mapping, templates: Mapping) -> str:
    template = templates[key]
    if isinstance(template, tuple):
        return template[0] if params.get("count", 1) == 1 else template[1]
    return template


def join_names(items: list[str], and_word: str = "and") -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {and_word} {items[-1]}"


def render(
    key: str,
    params: Mapping,
    sentence: Callable[[str, Mapping], str],
    and_word: str = "and",
) -> str:
    """The sentence of ``key``: ``sentence(key, params)`` gives the template in the wanted
    language, the parameters are rendered by the conventions above (nested reasons through
    ``sentence`` too)."""

    def one(value):
        if isinstance(value, Reason):
            return render(value.key, value.params, sentence, and_word)
        return str(value)

    values = {}
    for name, value in params.items():
        if name == "slots":
            shown = ", ".join(str(s) for s in value[:SHOWN_SLOTS])
            values[name] = shown + (", …" if len(value) > SHOWN_SLOTS else "")
        elif name == "members":
            values[name] = " / ".join(one(v) for v in value)
        elif name == "why":
            values[name] = "; ".join(one(v) for v in value)
        elif isinstance(value, (list, tuple)):
            values[name] = join_names([one(v) for v in value], and_word)
        else:
            values[name] = value if isinstance(value, (int, float)) else one(value)
    return sentence(key, params).format(**values)


def english(key: str, params: Mapping) -> str:
    return template_of(key, params, ENGLISH)


class Reason(str):
    """An English sentence that keeps its key and parameters (see the module's docstring)."""

    key: str
    params: dict

    def __new__(cls, key: str, **params) -> Reason:
        self = super().__new__(cls, render(key, params, english))
        self.key = key
        self.params = params
        return self

    def __reduce__(self):
        # Reasons travel between processes (the solver's races): rebuild from key and params.
        return (_rebuild, (self.key, self.params))


def _rebuild(key: str, params: dict) -> Reason:
    return Reason(key, **params)
