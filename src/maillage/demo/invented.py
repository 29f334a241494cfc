"""The words and names the generated demo directory is made of: the mix of kinds, park and
job words, Faker generators per language, invented organisation names that never repeat.
Deterministic for a given seed."""

from __future__ import annotations

import random
import string

from faker import Faker

from maillage.ecosystem.enums import OrganisationKind as K
from maillage.ecosystem.enums import OrganisationSubtype as S
from maillage.ecosystem.models import Sector

SEED = 20250708
# (kind, subtype, weight) of the members of a park
MIX = [
    (K.COMPANY, S.STARTUP, 38),
    (K.COMPANY, S.SME, 26),
    (K.COMPANY, S.LARGE_GROUP, 6),
    (K.LAB, "", 12),
    (K.SCHOOL, S.ENGINEERING_SCHOOL, 3),
    (K.SCHOOL, S.UNIVERSITY, 2),
    (K.INCUBATOR, S.INCUBATOR, 4),
    (K.INVESTOR, S.VENTURE_CAPITAL, 4),
    (K.PUBLIC_BODY, S.AGENCY, 2),
    (K.CLUSTER, "", 3),
]
PARK_WORDS = [
    "Nova",
    "Helix",
    "Meridian",
    "Aurora",
    "Vertex",
    "Quantum",
    "Lumen",
    "Orbit",
    "Cedar",
    "Delta",
    "Horizon",
    "Zenith",
    "Atlas",
    "Polaris",
    "Nexus",
    "Solstice",
]
JOBS_EN = [
    "Chief executive officer",
    "Chief technology officer",
    "Business developer",
    "Research engineer",
    "Head of partnerships",
    "Project manager",
    "Lab director",
    "International officer",
    "Product manager",
    "Founder",
]
JOBS_FR = [
    "Président-directeur général",
    "Directrice technique",
    "Chargé d'affaires",
    "Ingénieure de recherche",
    "Responsable des partenariats",
    "Chef de projet",
    "Directeur de laboratoire",
    "Chargée de mission international",
    "Cheffe de produit",
    "Fondateur",
]
FRENCH_SPEAKING = {"FR", "BE", "TN", "MA", "SN", "CH", "CA", "LU"}


def fakers_for(seed: int) -> dict[str, Faker]:
    fakers = {"fr": Faker("fr_FR"), "en": Faker("en_US")}
    for i, fake in enumerate(fakers.values()):
        fake.seed_instance(seed + i)
    return fakers


def acronym(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(rng.randint(3, 5)))


def member_name(
    rng, fake, french: bool, kind: str, subtype: str, speciality: Sector, city: str
) -> str:
    spec = speciality.name_fr.lower() if french else speciality.name_en.lower()
    last = fake.last_name()
    if kind == K.COMPANY:
        return fake.company()
    if kind == K.LAB:
        return (
            f"Laboratoire {acronym(rng)} — {spec}"
            if french
            else f"{acronym(rng)} {speciality.name_en} Laboratory"
        )
    if kind == K.SCHOOL:
        return f"École {last} de {spec}" if french else f"{last} Institute of {speciality.name_en}"
    if kind == K.INCUBATOR:
        return f"Incubateur {last} {city}" if french else f"{last} {city} Accelerator"
    if kind == K.INVESTOR:
        return f"{last} {rng.choice(['Capital', 'Ventures', 'Partners', 'Invest'])}"
    if kind == K.PUBLIC_BODY:
        return f"Agence {last} pour l'innovation" if french else f"{last} Innovation Agency"
    return f"Cluster {spec} {last}" if french else f"{speciality.name_en} Cluster {last}"


class NamePool:
    """Faker draws names from weighted lists, a few hundred microseconds a company; for
    100,000 generated organisations, combine names drawn once instead."""

    SUFFIXES = {
        "fr": [
            "SAS",
            "SA",
            "SARL",
            "Technologies",
            "Innovation",
            "Systèmes",
            "& Associés",
            "Ingénierie",
            "Bio",
            "Solutions",
            "Labs",
            "et Fils",
        ],
        "en": [
            "Inc.",
            "LLC",
            "Technologies",
            "Systems",
            "Labs",
            "Bio",
            "Solutions",
            "& Partners",
            "Dynamics",
            "Analytics",
            "Robotics",
            "Group",
        ],
    }

    def __init__(self, fake: Faker) -> None:
        self.lang = "fr" if fake.locales[0].startswith("fr") else "en"
        self.last_names = sorted({fake.last_name() for _ in range(1500)})
        self.rng: random.Random | None = None

    def bind(self, rng: random.Random) -> NamePool:
        self.rng = rng
        return self

    def last_name(self) -> str:
        return self.rng.choice(self.last_names)

    def company(self) -> str:
        rng, suffix = self.rng, self.rng.choice(self.SUFFIXES[self.lang])
        first = rng.choice(self.last_names)
        pattern = rng.random()
        if pattern < 0.45:
            return f"{first} {suffix}"
        if pattern < 0.75:
            return f"{first}-{rng.choice(self.last_names)} {suffix}"
        return f"{first} & {rng.choice(self.last_names)}"
