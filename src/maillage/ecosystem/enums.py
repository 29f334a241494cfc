from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    PARK = "park", _("Technology park")
    COMPANY = "company", _("Company")
    LAB = "lab", _("Research laboratory")
    SCHOOL = "school", _("School or university")
    INCUBATOR = "incubator", _("Incubator, accelerator or nursery")
    CLUSTER = "cluster", _("Cluster")
    INVESTOR = "investor", _("Investor")
    PUBLIC_BODY = "public_body", _("Public body")
    NETWORK = "network", _("Network or association")


class OrganisationSubtype(models.TextChoices):
    """A finer kind; which subtypes fit which kind is in SUBTYPES_BY_KIND."""

    TECHNOPOLE = "technopole", _("Technopole")
    SCIENCE_PARK = "science_park", _("Science park")
    INNOVATION_DISTRICT = "innovation_district", _("Innovation district")
    HIGH_TECH_ZONE = "high_tech_zone", _("High-tech zone")
    STARTUP = "startup", _("Startup")
    SME = "sme", _("SME")
    LARGE_GROUP = "large_group", _("Large group")
    ENGINEERING_SCHOOL = "engineering_school", _("Engineering school")
    UNIVERSITY = "university", _("University")
    BUSINESS_SCHOOL = "business_school", _("Business school")
    INCUBATOR = "incubator", _("Incubator")
    ACCELERATOR = "accelerator", _("Accelerator")
    NURSERY = "nursery", _("Nursery")
    BUSINESS_ANGEL = "business_angel", _("Business angels")
    VENTURE_CAPITAL = "venture_capital", _("Venture capital")
    PUBLIC_FUNDER = "public_funder", _("Public funder")
    LOCAL_AUTHORITY = "local_authority", _("Local authority")
    AGENCY = "agency", _("Agency")


K, S = OrganisationKind, OrganisationSubtype
SUBTYPES_BY_KIND: dict[str, set[str]] = {
    K.PARK: {S.TECHNOPOLE, S.SCIENCE_PARK, S.INNOVATION_DISTRICT, S.HIGH_TECH_ZONE},
    K.COMPANY: {S.STARTUP, S.SME, S.LARGE_GROUP},
    K.SCHOOL: {S.ENGINEERING_SCHOOL, S.UNIVERSITY, S.BUSINESS_SCHOOL},
    K.INCUBATOR: {S.INCUBATOR, S.ACCELERATOR, S.NURSERY},
    K.INVESTOR: {S.BUSINESS_ANGEL, S.VENTURE_CAPITAL, S.PUBLIC_FUNDER},
    K.PUBLIC_BODY: {S.LOCAL_AUTHORITY, S.AGENCY, S.PUBLIC_FUNDER},
}
del K, S


class SizeBand(models.TextChoices):
    MICRO = "1-9", _("1–9 employees")
    SMALL = "10-49", _("10–49 employees")
    MEDIUM = "50-249", _("50–249 employees")
    LARGE = "250-4999", _("250–4,999 employees")
    VERY_LARGE = "5000+", _("5,000 employees or more")


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member")
    FOUNDING_MEMBER = "founding_member", _("Founding member")
    ASSOCIATE = "associate", _("Associate member")
    BOARD = "board", _("Board member")
    PARTNER = "partner", _("Partner")
