"""Real parks, networks and members for the demo data set: names, places, sectors and what is
publicly known of them. Websites only where certain; people are never real (see ecosystem_generated).

Each entry: name, kind, subtype, city, country, sector codes, extra fields. `host` names the
park an organisation is located in; `parent` its parent organisation; both by name.
"""

from __future__ import annotations

from maillage.ecosystem.enums import OrganisationKind as K
from maillage.ecosystem.enums import OrganisationSubtype as S

CHATEAU_GOMBERT = "Technopôle de Château-Gombert"
AXE_SEINE = "Club des Technopoles de l'Axe Seine"
IASP = "IASP"

PARKS = [
    dict(
        name="Sophia Antipolis",
        subtype=S.TECHNOPOLE,
        city="Valbonne",
        country="FR",
        sectors=["digital", "software", "telecoms", "health", "cleantech"],
        description_en="Technology park on the French Riviera, spread over Valbonne and Biot. "
        "It hosts the IASP 43rd World Conference in 2026.",
        description_fr="Technopole de la Côte d'Azur, sur les communes de Valbonne et Biot. "
        "Elle accueille la 43e conférence mondiale de l'IASP en 2026.",
        aliases="Sophia\nTechnopole Sophia Antipolis",
    ),
    dict(
        name="inovallée",
        subtype=S.TECHNOPOLE,
        city="Meylan",
        country="FR",
        website="https://www.inovallee.com",
        sectors=["digital", "software", "microelectronics", "optics-photonics"],
        description_en="Technology park of the Grenoble area, at Meylan and Montbonnot-Saint-Martin.",
        description_fr="Technopole de l'agglomération grenobloise, à Meylan et Montbonnot-Saint-Martin.",
        aliases="Inovallee",
    ),
    dict(
        name="Genopole",
        subtype=S.SCIENCE_PARK,
        city="Évry",
        country="FR",
        website="https://www.genopole.fr",
        sectors=["biotech", "genomics", "synthetic-biology", "biotherapies"],
        description_en="Biocluster at Évry, south of Paris, gathering biotech companies and "
        "research laboratories. It receives foreign delegations and publishes a yearly "
        "Europe / International report.",
        description_fr="Biocluster d'Évry, au sud de Paris, qui réunit entreprises de "
        "biotechnologie et laboratoires de recherche. Il reçoit des délégations étrangères et "
        "publie chaque année un bilan Europe / International.",
    ),
    dict(
        name=CHATEAU_GOMBERT,
        subtype=S.TECHNOPOLE,
        city="Marseille",
        country="FR",
        sectors=[
            "health",
            "medtech",
            "e-health",
            "environment",
            "solar",
            "digital",
            "cybersecurity",
            "ai",
            "data",
            "software",
            "industry",
            "microelectronics",
            "mechanics-energy",
            "optics-photonics",
        ],
        description_en="Technopole in the north-east of Marseille: health (medtech, e-health), "
        "environment (solar), digital (cybersecurity, AI, data, software) and industry "
        "(microelectronics, mechanics-energy, optics), with research laboratories, two "
        "engineering schools, a nursery and an incubator. The first 12/14 took place here "
        "on Tuesday 8 July 2025.",
        description_fr="Technopole du nord-est de Marseille : santé (medtech, e-santé), "
        "environnement (solaire), numérique (cybersécurité, IA, données, logiciel) et "
        "industrie (microélectronique, mécanique-énergétique, optique), avec des laboratoires "
        "de recherche, deux écoles d'ingénieurs, une pépinière et un incubateur. Le premier "
        "12/14 s'y est tenu le mardi 8 juillet 2025.",
        aliases="Château-Gombert\nTechnopole de Chateau-Gombert",
    ),
    dict(
        name="Technopôle de Luminy",
        subtype=S.TECHNOPOLE,
        city="Marseille",
        country="FR",
        sectors=["health", "biotech", "biotherapies"],
        description_en="Technopole in the south of Marseille, one of the three technopoles of "
        "the Aix-Marseille-Provence metropolis.",
        description_fr="Technopole du sud de Marseille, l'une des trois technopoles de la "
        "métropole Aix-Marseille-Provence.",
        aliases="Luminy",
    ),
    dict(
        name="Technopôle de l'Arbois",
        subtype=S.TECHNOPOLE,
        city="Aix-en-Provence",
        country="FR",
        sectors=["environment", "cleantech", "water"],
        description_en="Technopole at Aix-en-Provence, one of the three technopoles of the "
        "Aix-Marseille-Provence metropolis.",
        description_fr="Technopole d'Aix-en-Provence, l'une des trois technopoles de la "
        "métropole Aix-Marseille-Provence.",
        aliases="Arbois\nTechnopole de l'Arbois-Méditerranée",
    ),
    dict(
        name="Val d'Oise Technopole",
        subtype=S.TECHNOPOLE,
        city="Cergy",
        country="FR",
        sectors=["aerospace", "industry", "digital"],
        description_en="Technopole of the Val d'Oise, member of the Club des Technopoles de "
        "l'Axe Seine; the club's 1st inter-technopole business convention took place at Aéropole.",
        description_fr="Technopole du Val d'Oise, membre du Club des Technopoles de l'Axe "
        "Seine ; la 1re convention d'affaires inter-technopoles du club s'est tenue à l'Aéropole.",
        aliases="Aéropole",
    ),
    dict(
        name="Technopole de Rouen",
        subtype=S.TECHNOPOLE,
        city="Rouen",
        country="FR",
        sectors=["health", "industry", "digital"],
        description_en="Technopole of Rouen, member of the Club des Technopoles de l'Axe Seine.",
        description_fr="Technopole de Rouen, membre du Club des Technopoles de l'Axe Seine.",
    ),
    dict(
        name="Technopole de Caen",
        subtype=S.TECHNOPOLE,
        city="Caen",
        country="FR",
        sectors=["health", "digital"],
        description_en="Technopole of Caen, member of the Club des Technopoles de l'Axe Seine.",
        description_fr="Technopole de Caen, membre du Club des Technopoles de l'Axe Seine.",
    ),
    dict(
        name="Technopole du Havre",
        subtype=S.TECHNOPOLE,
        city="Le Havre",
        country="FR",
        sectors=["marine", "energy", "mobility"],
        description_en="Technopole of Le Havre, member of the Club des Technopoles de l'Axe Seine.",
        description_fr="Technopole du Havre, membre du Club des Technopoles de l'Axe Seine.",
    ),
    dict(
        name="Chengdu Hi-tech Industrial Development Zone",
        subtype=S.HIGH_TECH_ZONE,
        city="Chengdu",
        country="CN",
        sectors=["digital", "microelectronics", "biotech"],
        description_en="High-tech zone of Chengdu, Sichuan, twinned with Sophia Antipolis as "
        "“Sister Parks”.",
        description_fr="Zone de haute technologie de Chengdu (Sichuan), jumelée avec Sophia "
        "Antipolis (« Sister Parks »).",
        aliases="Chengdu Hi-tech Zone\nChengdu High-tech Zone",
    ),
    dict(
        name="Zhongguancun",
        subtype=S.INNOVATION_DISTRICT,
        city="Beijing",
        country="CN",
        sectors=["digital", "ai", "microelectronics", "health"],
        description_en="Innovation district of Beijing operated by ZGC Group: 64 parks, 200 "
        "research centres, 70 incubators and more than 6,000 companies.",
        description_fr="Quartier d'innovation de Pékin exploité par ZGC Group : 64 parcs, "
        "200 centres de recherche, 70 incubateurs et plus de 6 000 entreprises.",
        aliases="ZGC\nZGC Group",
    ),
    dict(
        name="Research Triangle Park",
        subtype=S.SCIENCE_PARK,
        city="Durham",
        country="US",
        website="https://www.rtp.org",
        sectors=["biotech", "health", "digital"],
        description_en="Science park in North Carolina, partner of Genopole.",
        description_fr="Parc scientifique de Caroline du Nord, partenaire de Genopole.",
        aliases="RTP",
    ),
    dict(
        name="Life Innovation Center",
        subtype=S.SCIENCE_PARK,
        city="Kawasaki",
        country="JP",
        sectors=["health", "biotech"],
        description_en="Life-science innovation centre in Kawasaki, partner of Genopole since 2020.",
        description_fr="Centre d'innovation en sciences de la vie à Kawasaki, partenaire de "
        "Genopole depuis 2020.",
        aliases="LiC Kawasaki",
    ),
    dict(
        name="BiotechPole Sidi Thabet",
        subtype=S.TECHNOPOLE,
        city="Ariana",
        country="TN",
        sectors=["biotech", "pharma"],
        description_en="Biotechnology park at Sidi Thabet, in the Tunis area.",
        description_fr="Pôle de biotechnologie de Sidi Thabet, dans le Grand Tunis.",
        aliases="Pôle de biotechnologie de Sidi Thabet",
    ),
]

NETWORKS = [
    dict(
        name=IASP,
        city="Málaga",
        country="ES",
        founded_year=1984,
        website="https://www.iasp.ws",
        sectors=[],
        description_en="International association of science parks and areas of innovation, "
        "founded in 1984, with offices in Málaga and Beijing: 350 member ecosystems, 115,000 "
        "companies, 80 countries and 6 regional divisions. Its yearly world conference gathers "
        "about 1,500 participants (42nd: Beijing, 15–19 September 2025; 43rd: Sophia "
        "Antipolis, 2026).",
        description_fr="Association internationale des parcs scientifiques et zones "
        "d'innovation, fondée en 1984, avec des bureaux à Málaga et Pékin : 350 écosystèmes "
        "membres, 115 000 entreprises, 80 pays et 6 divisions régionales. Sa conférence "
        "mondiale annuelle réunit environ 1 500 participants (42e : Pékin, 15-19 septembre "
        "2025 ; 43e : Sophia Antipolis, 2026).",
        aliases="International Association of Science Parks and Areas of Innovation",
    ),
    dict(
        name=AXE_SEINE,
        city="",
        country="FR",
        sectors=[],
        description_en="Regional club of four technopoles along the Seine — Rouen, Caen, Le "
        "Havre and Val d'Oise — that organise events together, such as the 1st "
        "inter-technopole business convention at Aéropole (70+ leaders, about forty meetings each).",
        description_fr="Club régional de quatre technopoles de l'axe Seine — Rouen, Caen, Le "
        "Havre et Val d'Oise — qui organisent des événements ensemble, comme la 1re convention "
        "d'affaires inter-technopoles à l'Aéropole (plus de 70 dirigeants, une quarantaine de "
        "rendez-vous chacun).",
        aliases="Axe Seine",
    ),
    dict(
        name="Technopoles Aix-Marseille-Provence",
        city="Marseille",
        country="FR",
        sectors=[],
        description_en="The three technopoles of the Aix-Marseille-Provence metropolis: "
        "Château-Gombert, Luminy and Arbois. The 12/14 format started at Château-Gombert was "
        "rolled out to the other two.",
        description_fr="Les trois technopoles de la métropole Aix-Marseille-Provence : "
        "Château-Gombert, Luminy et l'Arbois. Le format 12/14 lancé à Château-Gombert a été "
        "étendu aux deux autres.",
        aliases="Technopoles AMP",
    ),
    dict(
        name="EU|BIC",
        city="Brussels",
        country="BE",
        website="https://ebn.eu",
        sectors=[],
        description_en="European network of business and innovation centres: 130 centres "
        "hold the EU|BIC label.",
        description_fr="Réseau européen des centres européens d'entreprise et d'innovation : "
        "130 centres portent le label EU|BIC.",
        aliases="EBN\nEuropean Business and Innovation Centre Network",
    ),
]

MEMBERSHIPS = {
    AXE_SEINE: [
        "Technopole de Rouen",
        "Technopole de Caen",
        "Technopole du Havre",
        "Val d'Oise Technopole",
    ],
    "Technopoles Aix-Marseille-Provence": [
        CHATEAU_GOMBERT,
        "Technopôle de Luminy",
        "Technopôle de l'Arbois",
    ],
    IASP: ["Sophia Antipolis"],
}

MEMBERS = [
    dict(
        name="Aix-Marseille Université",
        kind=K.SCHOOL,
        subtype=S.UNIVERSITY,
        city="Marseille",
        country="FR",
        website="https://www.univ-amu.fr",
        sectors=[],
        aliases="AMU",
        description_en="University of Aix-Marseille.",
        description_fr="Université d'Aix-Marseille.",
    ),
    dict(
        name="Centrale Méditerranée",
        kind=K.SCHOOL,
        subtype=S.ENGINEERING_SCHOOL,
        city="Marseille",
        country="FR",
        host=CHATEAU_GOMBERT,
        website="https://www.centrale-med.fr",
        sectors=["industry", "mechanics-energy", "optics-photonics", "digital"],
        description_en="Engineering school at the Technopôle de Château-Gombert.",
        description_fr="École d'ingénieurs de la Technopôle de Château-Gombert.",
    ),
    dict(
        name="Polytech Marseille",
        kind=K.SCHOOL,
        subtype=S.ENGINEERING_SCHOOL,
        city="Marseille",
        country="FR",
        host=CHATEAU_GOMBERT,
        parent="Aix-Marseille Université",
        sectors=["industry", "digital"],
        description_en="Engineering school of Aix-Marseille Université at the Technopôle de "
        "Château-Gombert.",
        description_fr="École d'ingénieurs d'Aix-Marseille Université à la Technopôle de "
        "Château-Gombert.",
    ),
    dict(
        name="Marseille Innovation",
        kind=K.INCUBATOR,
        subtype=S.NURSERY,
        city="Marseille",
        country="FR",
        host=CHATEAU_GOMBERT,
        sectors=[],
        description_en="Business nursery at the Technopôle de Château-Gombert.",
        description_fr="Pépinière d'entreprises de la Technopôle de Château-Gombert.",
    ),
    dict(
        name="Impulse",
        kind=K.INCUBATOR,
        subtype=S.INCUBATOR,
        city="Marseille",
        country="FR",
        host=CHATEAU_GOMBERT,
        sectors=[],
        description_en="Incubator at the Technopôle de Château-Gombert.",
        description_fr="Incubateur de la Technopôle de Château-Gombert.",
    ),
    dict(
        name="Planktovie",
        kind=K.COMPANY,
        subtype=S.STARTUP,
        city="Marseille",
        country="FR",
        host=CHATEAU_GOMBERT,
        sectors=["biotech"],
        description_en="Company at the Technopôle de Château-Gombert.",
        description_fr="Entreprise de la Technopôle de Château-Gombert.",
    ),
    dict(
        name="Softcell Therapeutics",
        kind=K.COMPANY,
        subtype=S.STARTUP,
        city="Marseille",
        country="FR",
        host=CHATEAU_GOMBERT,
        sectors=["health", "biotherapies"],
        description_en="Company at the Technopôle de Château-Gombert.",
        description_fr="Entreprise de la Technopôle de Château-Gombert.",
    ),
    dict(
        name="DualSun",
        kind=K.COMPANY,
        subtype=S.SME,
        city="Marseille",
        country="FR",
        host=CHATEAU_GOMBERT,
        website="https://dualsun.com",
        sectors=["environment", "solar"],
        description_en="Solar panel maker at the Technopôle de Château-Gombert.",
        description_fr="Fabricant de panneaux solaires de la Technopôle de Château-Gombert.",
    ),
    dict(
        name="NC Biotechnology Center",
        kind=K.PUBLIC_BODY,
        subtype=S.AGENCY,
        city="Durham",
        country="US",
        host="Research Triangle Park",
        website="https://www.ncbiotech.org",
        sectors=["biotech"],
        aliases="North Carolina Biotechnology Center\nNCBiotech",
        description_en="North Carolina's biotechnology agency, in Research Triangle Park.",
        description_fr="Agence de biotechnologie de Caroline du Nord, dans le Research "
        "Triangle Park.",
    ),
]
