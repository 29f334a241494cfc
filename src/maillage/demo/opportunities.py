"""Offers and requests of the demo participants, by theme, in French and English.

Each theme has offers and requests that answer each other across the two languages, so that the
recommendations have real matches to find ("revêtements anti-salissures" answers "coatings for
solar panels"). Templates are (kind, category, title, description, keywords, sector codes).
"""

from __future__ import annotations

OFFER, REQUEST = "offer", "request"

THEMES: dict[str, list[tuple[str, str, str, str, str, tuple[str, ...]]]] = {
    "solar": [
        (
            OFFER,
            "product",
            "Revêtements anti-salissures pour panneaux solaires",
            "Un revêtement hydrophobe qui garde les panneaux propres et gagne 4 % de production.",
            "revêtement, solaire, encrassement",
            ("solar", "materials"),
        ),
        (
            OFFER,
            "service",
            "Solar farm monitoring with drones",
            "Thermal imaging of solar farms by drone, with a report of faulty panels.",
            "solar, drones, thermal imaging",
            ("solar", "drones"),
        ),
        (
            REQUEST,
            "product",
            "Coatings for solar panels in dusty sites",
            "We install panels near quarries and look for anti-soiling coatings.",
            "coatings, solar panels",
            ("solar",),
        ),
        (
            REQUEST,
            "rd_cooperation",
            "Laboratoire pour tester le vieillissement de modules solaires",
            "Essais climatiques et vieillissement accéléré de modules photovoltaïques.",
            "photovoltaïque, essais, vieillissement",
            ("solar",),
        ),
    ],
    "hydrogen": [
        (
            OFFER,
            "product",
            "Hydrogen storage tanks for port vehicles",
            "Type IV composite tanks at 350 bar for straddle carriers and trucks.",
            "hydrogen, storage, port",
            ("hydrogen", "materials"),
        ),
        (
            OFFER,
            "service",
            "Études de faisabilité de stations hydrogène",
            "Dimensionnement et sécurité de stations de recharge hydrogène pour flottes.",
            "hydrogène, station, flotte",
            ("hydrogen",),
        ),
        (
            REQUEST,
            "partnership",
            "Partenaire pour une station hydrogène au port du Havre",
            "Nous cherchons un fournisseur de stockage hydrogène pour nos engins portuaires.",
            "hydrogène, stockage, port",
            ("hydrogen",),
        ),
        (
            REQUEST,
            "rd_cooperation",
            "Fuel cell durability research",
            "Looking for a laboratory on fuel cell ageing under real duty cycles.",
            "fuel cell, durability",
            ("hydrogen", "energy-storage"),
        ),
    ],
    "ai": [
        (
            OFFER,
            "service",
            "Maintenance prédictive par intelligence artificielle",
            "Nos modèles détectent les pannes de machines tournantes 3 semaines à l'avance.",
            "intelligence artificielle, maintenance prédictive, capteurs",
            ("ai", "data"),
        ),
        (
            OFFER,
            "product",
            "Computer vision for quality control",
            "Cameras and deep learning that spot defects on production lines.",
            "computer vision, quality, deep learning",
            ("ai", "software"),
        ),
        (
            REQUEST,
            "service",
            "Predictive maintenance for our production lines",
            "We have sensor data from 200 machines and want to predict failures.",
            "predictive maintenance, sensors, data",
            ("ai", "industry"),
        ),
        (
            REQUEST,
            "job",
            "Stagiaires en science des données",
            "Stages de 6 mois en science des données et apprentissage automatique.",
            "données, apprentissage, stage",
            ("data",),
        ),
    ],
    "cyber": [
        (
            OFFER,
            "service",
            "Audits de cybersécurité industrielle",
            "Tests d'intrusion des systèmes de contrôle industriels et plan de remédiation.",
            "cybersécurité, audit, industrie",
            ("cybersecurity",),
        ),
        (
            OFFER,
            "product",
            "Secure gateway for connected sensors",
            "An encrypted gateway that isolates industrial IoT networks.",
            "cybersecurity, IoT, encryption",
            ("cybersecurity", "iot"),
        ),
        (
            REQUEST,
            "service",
            "Cybersecurity audit of our factory network",
            "We connect our plant and need an audit before going live.",
            "cybersecurity audit, factory",
            ("cybersecurity",),
        ),
        (
            REQUEST,
            "partnership",
            "Intégrateur pour capteurs connectés sécurisés",
            "Nous cherchons un partenaire pour sécuriser nos capteurs connectés.",
            "capteurs, sécurité, IoT",
            ("iot",),
        ),
    ],
    "aero": [
        (
            OFFER,
            "product",
            "Pièces composites pour l'aéronautique",
            "Fabrication de pièces en composite carbone certifiées EN 9100.",
            "composite, aéronautique, fabrication",
            ("aeronautics", "materials"),
        ),
        (
            OFFER,
            "service",
            "Drone inspection of structures",
            "Inspection of bridges, wind turbines and hangars with drones.",
            "drones, inspection",
            ("drones",),
        ),
        (
            REQUEST,
            "product",
            "Composite parts supplier for drones",
            "We look for a supplier of light composite frames for our drones.",
            "composite, drones, supplier",
            ("drones", "materials"),
        ),
        (
            REQUEST,
            "rd_cooperation",
            "Recherche sur l'usinage des matériaux composites",
            "Coopération de R&D sur l'usinage et le contrôle des composites.",
            "usinage, composites, contrôle",
            ("materials", "aeronautics"),
        ),
    ],
    "health": [
        (
            OFFER,
            "product",
            "Capteurs portables de suivi cardiaque",
            "Un dispositif médical connecté pour le suivi à domicile des patients.",
            "dispositif médical, capteurs, santé",
            ("medtech", "e-health"),
        ),
        (
            OFFER,
            "service",
            "Clinical trial design and regulatory support",
            "CE marking and clinical evaluation of medical devices.",
            "clinical trial, regulatory, medical device",
            ("medtech",),
        ),
        (
            REQUEST,
            "partnership",
            "Wearable sensors for remote patient monitoring",
            "A hospital group looks for connected sensors to follow patients at home.",
            "wearable sensors, remote monitoring, health",
            ("e-health",),
        ),
        (
            REQUEST,
            "service",
            "Accompagnement au marquage CE d'un dispositif médical",
            "Startup cherchant un accompagnement réglementaire et essai clinique.",
            "marquage CE, essai clinique, dispositif médical",
            ("medtech",),
        ),
    ],
    "logistics": [
        (
            OFFER,
            "product",
            "Logiciel d'optimisation des flux logistiques portuaires",
            "Planification des conteneurs et des camions sur l'axe Seine.",
            "logistique, port, optimisation",
            ("software", "data"),
        ),
        (
            OFFER,
            "product",
            "Electric delivery vans for the last mile",
            "Light electric vans with smart charging for urban logistics.",
            "electric mobility, logistics, delivery",
            ("electric-mobility",),
        ),
        (
            REQUEST,
            "product",
            "Port logistics optimisation software",
            "A terminal operator looks for software to plan trucks and containers.",
            "logistics, port, planning",
            ("software",),
        ),
        (
            REQUEST,
            "partnership",
            "Véhicules électriques pour la livraison urbaine",
            "Nous cherchons un constructeur de véhicules électriques utilitaires.",
            "véhicules électriques, livraison",
            ("electric-mobility",),
        ),
    ],
    "circular": [
        (
            OFFER,
            "service",
            "Recyclage des plastiques industriels",
            "Collecte et recyclage des déchets plastiques en granulés réutilisables.",
            "recyclage, plastiques, déchets",
            ("circular-economy",),
        ),
        (
            OFFER,
            "product",
            "Biodegradable packaging from seaweed",
            "Packaging made from algae that composts in 6 weeks.",
            "biodegradable, packaging, algae",
            ("circular-economy", "blue-biotech"),
        ),
        (
            REQUEST,
            "service",
            "Plastic waste recycling partner",
            "A plant producing 300 t of plastic waste a year looks for a recycler.",
            "plastic waste, recycling",
            ("circular-economy",),
        ),
        (
            REQUEST,
            "product",
            "Emballages biodégradables pour l'agroalimentaire",
            "Industriel de l'agroalimentaire cherchant des emballages compostables.",
            "emballage, biodégradable, alimentaire",
            ("foodtech",),
        ),
    ],
}

FUNDING = [
    (
        OFFER,
        "investment",
        "Seed and series A investment in {theme} startups",
        "Tickets from 300 k€ to 3 M€ for startups of the Axe Seine.",
        "investment, seed, series A",
        (),
    ),
    (
        REQUEST,
        "investment",
        "Startups en levée de fonds ({theme})",
        "Fonds d'amorçage cherchant des startups en levée de fonds.",
        "levée de fonds, startups",
        (),
    ),
]
SCHOOL = [
    (
        OFFER,
        "rd_cooperation",
        "R&D cooperation and student projects in {theme}",
        "Laboratories and engineering students for industrial projects.",
        "research, students, projects",
        (),
    ),
    (
        REQUEST,
        "job",
        "Stages et projets industriels pour nos élèves ingénieurs ({theme})",
        "Entreprises accueillant des stagiaires ingénieurs.",
        "stage, ingénieurs, entreprises",
        (),
    ),
]
STARTUP_FUNDING = (
    REQUEST,
    "investment",
    "Levée de fonds d'amorçage",
    "Nous levons 1 M€ pour industrialiser notre produit.",
    "levée de fonds, amorçage",
    (),
)
THEME_LABELS = {
    "solar": "solar",
    "hydrogen": "hydrogen",
    "ai": "AI",
    "cyber": "cybersecurity",
    "aero": "aeronautics",
    "health": "health",
    "logistics": "logistics",
    "circular": "circular economy",
}


def for_participant(n: int, participation_type: str) -> list[tuple]:
    """The opportunities of the n-th participant (deterministic): two to three per person."""
    names = list(THEMES)
    theme = names[n % len(names)]
    items = THEMES[theme]
    label = THEME_LABELS[theme]
    if participation_type == "investor":
        return [_fill(t, label) for t in FUNDING]
    if participation_type == "school":
        return [_fill(t, label) for t in SCHOOL]
    offer = items[(n // len(names)) % 2]  # one of the two offers
    request = items[2 + (n // len(names) + 1) % 2]  # one of the two requests
    out = [offer, request]
    if participation_type == "startup":
        out.append(STARTUP_FUNDING)
    elif participation_type == "large_group":
        out = [items[2], items[3], offer]  # large groups mostly look for suppliers
    return out


def _fill(template: tuple, label: str) -> tuple:
    kind, category, title, description, keywords, sectors = template
    return (kind, category, title.format(theme=label), description, keywords, sectors)
