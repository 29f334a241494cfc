"""The solver's sentences (why a wish is left out, why no schedule exists) in the reader's
language.

meetsolver says them in English as ``Reason`` values (a key and parameters); runs store them
as plain data in their JSON result (``as_data``) because the worker that solves does not know
who will read the result; pages and error messages translate them when they show them
(``said``), from matchmaking's catalogue, where each English template of
``meetsolver.reasons.ENGLISH`` has its translation.
"""

from __future__ import annotations

from django.utils.translation import gettext, ngettext, pgettext

from meetsolver.reasons import ENGLISH, Reason, render


def as_data(reason) -> dict:
    """A reason as JSON-ready data; a plain sentence (from an older run) keeps only its text."""
    if not isinstance(reason, Reason):
        return {"text": str(reason)}
    return {"key": reason.key, "params": {k: _value(v) for k, v in reason.params.items()}}


def _value(value):
    if isinstance(value, Reason):
        return as_data(value)
    if isinstance(value, (list, tuple)):
        return [_value(v) for v in value]
    return value


def from_data(data) -> Reason | str:
    if isinstance(data, str):
        return data
    if data.get("key") not in ENGLISH:
        return data.get("text", "")
    return Reason(data["key"], **{k: _loaded(v) for k, v in data.get("params", {}).items()})


def _loaded(value):
    if isinstance(value, dict):
        return from_data(value)
    if isinstance(value, list):
        return [_loaded(v) for v in value]
    return value


def _sentence(key: str, params) -> str:
    template = ENGLISH[key]
    if isinstance(template, tuple):
        return ngettext(template[0], template[1], params.get("count", 1))
    return gettext(template)


def said(reason) -> str:
    """The sentence in the active language (a Reason, its data, or a plain older sentence)."""
    if isinstance(reason, dict):
        reason = from_data(reason)
    if not isinstance(reason, Reason):
        return str(reason)
    return render(reason.key, reason.params, _sentence, pgettext("list of names", "and"))


def all_said(reasons) -> str:
    return " ".join(said(r) for r in reasons)
