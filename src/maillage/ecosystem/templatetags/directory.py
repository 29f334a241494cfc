from django import template

from maillage.ecosystem.countries import country_name as _country_name

register = template.Library()


@register.filter
def country_name(code: str) -> str:
    return _country_name(code)
