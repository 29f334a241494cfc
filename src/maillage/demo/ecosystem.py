"""Demo data of the directory: the real parks, networks and members of ecosystem_facts, invented
members and people around each park, and the demo accounts of maillage.demo.accounts.

`load()` is idempotent (organisations are found again by name and country, people by e-mail,
users by e-mail): a second run changes nothing. The sector taxonomy comes first.
"""

from __future__ import annotations

from django.db import transaction

from maillage.accounts.models import User
from maillage.demo import ecosystem_facts
from maillage.demo.accounts import DEMO_PASSWORD
from maillage.demo.ecosystem_generated import grow_directory, populate_parks
from maillage.ecosystem import services, text
from maillage.ecosystem.enums import OrganisationKind
from maillage.ecosystem.models import Organisation, Person
from maillage.ecosystem.sectors import ensure_taxonomy

__all__ = ["grow_directory", "load"]

PARTICIPANT_PERSON = {
    "first_name": "Léa",
    "last_name": "Fontaine",
    "email": "participant@maillage.example",
}


def _sync(spec: dict, *, kind: str, by_name: dict[str, Organisation]) -> Organisation:
    fields = {k: v for k, v in spec.items() if k not in {"sectors", "host", "parent"}}
    fields.setdefault("kind", kind)
    if spec.get("host"):
        fields["host_park"] = by_name[spec["host"]]
    if spec.get("parent"):
        fields["parent"] = by_name[spec["parent"]]
    sectors = services.sectors_from_codes(spec.get("sectors", []))
    existing = Organisation.objects.filter(
        name_key=text.name_key(spec["name"]), country=spec["country"]
    ).first()
    if existing is None:
        org = services.create_organisation(
            sectors=sectors, strict_city=bool(spec.get("city")), **fields
        )
    else:
        org = existing
        changed = any(getattr(org, k) != v for k, v in fields.items())
        if changed:
            services.update_organisation(org, **fields)
        if {s.pk for s in org.sectors.all()} != {s.pk for s in sectors}:
            org.sectors.set(sectors)
    by_name[org.name] = org
    return org


def _accounts(by_name: dict[str, Organisation]) -> None:
    wanted = {
        "admin@maillage.example": dict(
            is_superuser=True, is_staff=True, first_name="Alex", last_name="Admin", staff_of=[]
        ),
        "staff@chateau-gombert.example": dict(
            is_staff=True,
            first_name="Camille",
            last_name="Roux",
            staff_of=[by_name[ecosystem_facts.CHATEAU_GOMBERT]],
        ),
        "staff@axe-seine.example": dict(
            is_staff=True,
            first_name="Hugo",
            last_name="Lefèvre",
            staff_of=[by_name[ecosystem_facts.AXE_SEINE]],
        ),
        "participant@maillage.example": dict(first_name="Léa", last_name="Fontaine", staff_of=[]),
    }
    for email, spec in wanted.items():
        staff_of = spec.pop("staff_of")
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email=email, password=DEMO_PASSWORD, **spec)
        if {o.pk for o in user.staff_of.all()} != {o.pk for o in staff_of}:
            services.set_staff_of(user=user, organisations=staff_of)
    participant = User.objects.get(email="participant@maillage.example")
    person = Person.objects.filter(email=PARTICIPANT_PERSON["email"]).first()
    if person is None:
        # Her public consent is given as demonstration data by maillage.demo.privacy.
        person = services.create_person(user=participant, languages="fr,en", **PARTICIPANT_PERSON)
    company = (
        Organisation.objects.filter(
            host_park=by_name[ecosystem_facts.CHATEAU_GOMBERT],
            kind=OrganisationKind.COMPANY,
            subtype="startup",
        )
        .exclude(name__in=[m["name"] for m in ecosystem_facts.MEMBERS])
        .order_by("name")
        .first()
    )
    if company and not person.affiliations.exists():
        services.add_affiliation(person=person, organisation=company, job_title="Fondatrice")


@transaction.atomic
def load(stdout) -> None:
    ensure_taxonomy()
    by_name: dict[str, Organisation] = {}
    for spec in ecosystem_facts.PARKS:
        _sync(spec, kind=OrganisationKind.PARK, by_name=by_name)
    for spec in ecosystem_facts.NETWORKS:
        _sync(spec, kind=OrganisationKind.NETWORK, by_name=by_name)
    for spec in ecosystem_facts.MEMBERS:
        _sync(spec, kind=spec["kind"], by_name=by_name)
    for network, members in ecosystem_facts.MEMBERSHIPS.items():
        for member in members:
            if not by_name[network].member_links.filter(member=by_name[member]).exists():
                services.add_membership(network=by_name[network], member=by_name[member])
    parks = [by_name[p["name"]] for p in ecosystem_facts.PARKS]
    populate_parks(parks, stdout)
    _accounts(by_name)
    stdout.write(
        f"  directory: {Organisation.objects.count()} organisations, "
        f"{Person.objects.count()} people\n"
    )
