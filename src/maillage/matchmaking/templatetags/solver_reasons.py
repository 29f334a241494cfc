"""``{{ data|said }}``: a sentence of the solver, stored in a run's result, in the reader's
language (see matchmaking.scheduling.reasons)."""

from django import template

from maillage.matchmaking.scheduling import reasons

register = template.Library()


@register.filter
def said(data) -> str:
    return reasons.said(data) if data else ""


@register.filter
def all_said(data) -> str:
    return reasons.all_said(data or [])
