"""Ids in request bodies turned into the objects they name, for every router.

People are scoped: a person id is looked up among the people the caller may see
(``ecosystem.selectors.visible_people``: those who consented to the public directory, the people
of the organisations the caller manages; everyone for a platform admin). An id that does not
exist and an id of someone hidden from the caller get the same answer, word for word, so the
API is no oracle of who is in the directory.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from maillage.api.errors import invalid
from maillage.ecosystem.models import Organisation, Person
from maillage.ecosystem.selectors import visible_people


def organisations(ids, *, field: str = "organisation") -> list[Organisation]:
    """Organisations by id, in the order given; 422 naming the unknown ids."""
    ids = list(ids)
    found = {o.pk: o for o in Organisation.objects.filter(pk__in=ids)}
    missing = [i for i in ids if i not in found]
    if missing:
        raise invalid(
            field,
            _("Unknown organisation id(s): %(ids)s. Look them up with GET /api/v1/organisations.")
            % {"ids": ", ".join(map(str, missing))},
        )
    return [found[i] for i in ids]


def organisation(pk: int | None, *, field: str = "organisation") -> Organisation | None:
    return organisations([pk], field=field)[0] if pk else None


def people(user, ids, *, field: str = "person") -> list[Person]:
    """People by id among those the caller may see, in the order given. Unknown and hidden ids
    are refused alike (422, the same body word for word)."""
    ids = list(dict.fromkeys(ids))
    found = {p.pk: p for p in visible_people(user).filter(pk__in=ids)}
    if len(found) != len(ids):
        # Not the ids: the sentence must not differ between unknown and hidden people.
        raise invalid(
            field,
            _(
                "One of these people is not someone you may name. Choose people who are listed "
                "in the directory or work for an organisation you manage (GET /api/v1/people)."
            ),
        )
    return [found[i] for i in ids]


def person(user, pk: int | None, *, field: str = "person") -> Person | None:
    return people(user, [pk], field=field)[0] if pk else None
