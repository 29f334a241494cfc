"""``{{ change.kind|change_label }}``: what happened to a meeting between two published
versions, in the reader's language (the labels of ``ChangeKind``)."""

from django import template

from maillage.matchmaking.enums import ChangeKind

register = template.Library()


@register.filter
def change_label(kind: str) -> str:
    return ChangeKind(kind).label
