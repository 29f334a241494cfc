"""The sector taxonomy: filières (top level) and their specialities, in English and French.

`ensure_taxonomy()` creates or renames the sectors below and never deletes any: sectors added
by an administrator stay. Data migration 0003 runs it on every new database, so imports and the
staff forms find the sectors without the demo data; the demo runs it again (idempotent).
"""

from __future__ import annotations

from typing import NamedTuple

from maillage.ecosystem.models import Sector


class SectorSpec(NamedTuple):
    code: str
    name_en: str
    name_fr: str


# filière -> its specialities. Codes are stable identifiers used by imports and the API.
TAXONOMY: list[tuple[SectorSpec, list[SectorSpec]]] = [
    (
        SectorSpec("health", "Health", "Santé"),
        [
            SectorSpec("medtech", "Medical technologies", "Technologies médicales"),
            SectorSpec("e-health", "E-health", "E-santé"),
            SectorSpec("biotherapies", "Biotherapies", "Biothérapies"),
            SectorSpec("diagnostics", "Diagnostics", "Diagnostic"),
            SectorSpec("pharma", "Pharmaceuticals", "Médicament"),
        ],
    ),
    (
        SectorSpec("biotech", "Biotechnology", "Biotechnologies"),
        [
            SectorSpec("genomics", "Genomics", "Génomique"),
            SectorSpec("synthetic-biology", "Synthetic biology", "Biologie de synthèse"),
            SectorSpec(
                "industrial-biotech", "Industrial biotechnology", "Biotechnologies industrielles"
            ),
            SectorSpec("bioproduction", "Bioproduction", "Bioproduction"),
        ],
    ),
    (
        SectorSpec("environment", "Environment", "Environnement"),
        [
            SectorSpec("solar", "Solar energy", "Énergie solaire"),
            SectorSpec("water", "Water", "Eau"),
            SectorSpec("circular-economy", "Circular economy", "Économie circulaire"),
            SectorSpec("cleantech", "Cleantech", "Technologies propres"),
        ],
    ),
    (
        SectorSpec("digital", "Digital", "Numérique"),
        [
            SectorSpec("cybersecurity", "Cybersecurity", "Cybersécurité"),
            SectorSpec("ai", "Artificial intelligence", "Intelligence artificielle"),
            SectorSpec("data", "Data", "Données"),
            SectorSpec("software", "Software", "Logiciel"),
            SectorSpec("telecoms", "Telecommunications", "Télécommunications"),
            SectorSpec("iot", "Internet of things", "Internet des objets"),
        ],
    ),
    (
        SectorSpec("industry", "Industry", "Industrie"),
        [
            SectorSpec("microelectronics", "Microelectronics", "Microélectronique"),
            SectorSpec("mechanics-energy", "Mechanics and energy", "Mécanique et énergétique"),
            SectorSpec("optics-photonics", "Optics and photonics", "Optique et photonique"),
            SectorSpec("materials", "Advanced materials", "Matériaux avancés"),
        ],
    ),
    (
        SectorSpec("energy", "Energy", "Énergie"),
        [
            SectorSpec("hydrogen", "Hydrogen", "Hydrogène"),
            SectorSpec("energy-storage", "Energy storage", "Stockage de l'énergie"),
            SectorSpec("smart-grids", "Smart grids", "Réseaux intelligents"),
        ],
    ),
    (
        SectorSpec("mobility", "Mobility", "Mobilité"),
        [
            SectorSpec("electric-mobility", "Electric mobility", "Mobilité électrique"),
            SectorSpec("autonomous-vehicles", "Autonomous vehicles", "Véhicules autonomes"),
        ],
    ),
    (
        SectorSpec("robotics", "Robotics", "Robotique"),
        [
            SectorSpec("industrial-robotics", "Industrial robotics", "Robotique industrielle"),
            SectorSpec("service-robotics", "Service robotics", "Robotique de service"),
        ],
    ),
    (
        SectorSpec("aerospace", "Aerospace", "Aéronautique et spatial"),
        [
            SectorSpec("aeronautics", "Aeronautics", "Aéronautique"),
            SectorSpec("space", "Space", "Spatial"),
            SectorSpec("drones", "Drones", "Drones"),
        ],
    ),
    (
        SectorSpec("marine", "Marine and ocean", "Mer et océan"),
        [
            SectorSpec("ocean-tech", "Ocean technologies", "Technologies marines"),
            SectorSpec("blue-biotech", "Blue biotechnology", "Biotechnologies bleues"),
        ],
    ),
    (
        SectorSpec("agrifood", "Agrifood", "Agroalimentaire"),
        [
            SectorSpec("agritech", "Agritech", "Agritech"),
            SectorSpec("foodtech", "Food technologies", "Technologies alimentaires"),
        ],
    ),
]


def all_specs() -> list[tuple[SectorSpec, SectorSpec | None]]:
    """Every sector with its filière (None for a filière), filières first."""
    rows: list[tuple[SectorSpec, SectorSpec | None]] = [(f, None) for f, _ in TAXONOMY]
    rows += [(s, f) for f, specs in TAXONOMY for s in specs]
    return rows


def ensure_taxonomy(sector_model=None) -> int:
    """Create missing sectors and update changed labels; returns how many rows were written.

    `sector_model` lets the data migration pass its historical model."""
    if sector_model is None:
        sector_model = Sector
    existing = {s.code: s for s in sector_model.objects.all()}
    written = 0
    for spec, filiere in all_specs():
        parent = existing[filiere.code] if filiere else None
        sector = existing.get(spec.code)
        if sector is None:
            sector = sector_model.objects.create(
                code=spec.code, name_en=spec.name_en, name_fr=spec.name_fr, parent=parent
            )
            existing[spec.code] = sector
            written += 1
        elif (sector.name_en, sector.name_fr, sector.parent_id) != (
            spec.name_en,
            spec.name_fr,
            parent.pk if parent else None,
        ):
            sector.name_en, sector.name_fr, sector.parent = spec.name_en, spec.name_fr, parent
            sector.save()
            written += 1
    return written
