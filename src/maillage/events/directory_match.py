"""Recognise a registrant and their organisation in the directory, or add them to it.

A person is the same when the e-mail is the same (case-insensitive). An organisation is the same
when its website domain is the same, or its folded name (ecosystem ``text.name_key``) in the same
country.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from maillage.ecosystem import services as directory
from maillage.ecosystem import text
from maillage.ecosystem.enums import OrganisationKind
from maillage.ecosystem.models import Organisation, Person
from maillage.events.enums import ParticipationType

# Kind given to an organisation created from a registration, by participation type.
KIND_BY_PARTICIPATION = {
    ParticipationType.STARTUP: (OrganisationKind.COMPANY, "startup"),
    ParticipationType.SME: (OrganisationKind.COMPANY, "sme"),
    ParticipationType.LARGE_GROUP: (OrganisationKind.COMPANY, "large_group"),
    ParticipationType.SCHOOL: (OrganisationKind.SCHOOL, ""),
    ParticipationType.RESEARCH: (OrganisationKind.LAB, ""),
    ParticipationType.INVESTOR: (OrganisationKind.INVESTOR, ""),
    ParticipationType.SUPPORT: (OrganisationKind.INCUBATOR, ""),
    ParticipationType.PUBLIC_BODY: (OrganisationKind.PUBLIC_BODY, ""),
    ParticipationType.OTHER: (OrganisationKind.COMPANY, ""),
}


def match_person(email: str) -> Person | None:
    return Person.objects.filter(email__iexact=email.strip()).order_by("id").first()


def find_or_create_person(
    *, email: str, first_name: str, last_name: str, phone: str = ""
) -> Person:
    email = email.strip().lower()
    person = match_person(email)
    if person is not None:
        return person
    return directory.create_person(
        email=email, first_name=first_name.strip(), last_name=last_name.strip(), phone=phone.strip()
    )


def match_organisation(*, name: str, country: str, website: str = "") -> Organisation | None:
    domain = text.website_domain(website)
    if domain:
        found = Organisation.objects.filter(website_domain=domain).order_by("id").first()
        if found is not None:
            return found
    key = text.name_key(name)
    if not key:
        return None
    return Organisation.objects.filter(name_key=key, country=country.upper()).order_by("id").first()


def find_or_create_organisation(
    *, name: str, country: str, website: str = "", participation_type: str = ParticipationType.OTHER
) -> Organisation:
    country = (country or "").strip().upper()
    if not text.is_country_code(country):
        raise ValidationError(
            _("Unknown country code “%(code)s”; use an ISO 3166 code such as FR or CN.")
            % {"code": country}
        )
    found = match_organisation(name=name, country=country, website=website)
    if found is not None:
        return found
    website = website.strip()
    if website and "://" not in website:
        website = "https://" + website
    kind, subtype = KIND_BY_PARTICIPATION.get(participation_type, (OrganisationKind.COMPANY, ""))
    return directory.create_organisation(
        name=name.strip(), country=country, website=website, kind=kind, subtype=subtype
    )


def affiliate(*, person: Person, organisation: Organisation, job_title: str = "") -> None:
    if not person.affiliations.filter(organisation=organisation).exists():
        directory.add_affiliation(
            person=person,
            organisation=organisation,
            job_title=job_title,
            is_primary=not person.affiliations.exists(),
        )
