"""Words of opportunities and profiles reduced to comparable terms, in French and English.

Text is folded (no accents, lower case), split into words, stripped of the stop words of both
languages, French technical words are mapped to their English equivalent (a small glossary of
the vocabulary of technopoles: "revêtements" and "coatings" must meet), and each word is cut to
a light stem that makes plurals and the usual French/English suffix pairs agree ("optique",
"optics", "optical" -> "optic"; "industriel", "industrial", "industry" -> "industri").

Pure Python: no Django, so the recommendation engine runs on plain data.
"""

from __future__ import annotations

import re
from functools import lru_cache

from maillage.ecosystem.text import fold

_STOP_WORDS_TEXT = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself just
    me more most my no nor not now of off on once only or other our ours out over own same she
    should so some such than that the their theirs them then there these they this those through
    to too under until up very was we were what when where which while who whom why will with
    would you your yours new using use based looking seek seeking want wants need needs offer
    offers offering request requests provide provides providing help able etc via per within au
    aux avec ce ces cet cette dans de des du elle en et eux il ils je la le les leur leurs lui
    ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son
    sur ta te tes toi ton tu un une vos votre vous c d j l n s t y est sont ete etre avoir ont a
    nouveau nouvelle nouveaux nouvelles cherche cherchons recherchons proposons propose proposer
    offre offrons besoin tout tous toute toutes tres plus moins afin ainsi entre sans sous chez
    vers comme dont donc si deja aussi notamment ou
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

# French word (folded, singular) -> English word. Only words whose stems differ between the two
# languages are needed: "innovation", "robot", "laser" already agree.
GLOSSARY = {
    "revetement": "coating",
    "capteur": "sensor",
    "donnee": "data",
    "donnees": "data",
    "logiciel": "software",
    "puce": "chip",
    "solaire": "solar",
    "eau": "water",
    "dechet": "waste",
    "recyclage": "recycling",
    "financement": "funding",
    "investissement": "investment",
    "investisseur": "investor",
    "levee": "fundraising",
    "fonds": "fund",
    "essai": "trial",
    "jumeau": "twin",
    "numerique": "digital",
    "apprentissage": "learning",
    "usine": "factory",
    "fabrication": "manufacturing",
    "impression": "printing",
    "materiau": "material",
    "materiaux": "material",
    "stockage": "storage",
    "reseau": "network",
    "reseaux": "network",
    "intelligent": "smart",
    "intelligente": "smart",
    "securite": "security",
    "cybersecurite": "cybersecurity",
    "sante": "health",
    "dispositif": "device",
    "clinique": "clinical",
    "eolien": "wind",
    "eolienne": "wind",
    "panneau": "panel",
    "panneaux": "panel",
    "encrassement": "soiling",
    "salissure": "soiling",
    "nettoyage": "cleaning",
    "recherche": "research",
    "laboratoire": "laboratory",
    "partenariat": "partnership",
    "partenaire": "partner",
    "distributeur": "distributor",
    "marche": "market",
    "client": "customer",
    "fournisseur": "supplier",
    "sous-traitance": "subcontracting",
    "soustraitance": "subcontracting",
    "stage": "internship",
    "stagiaire": "intern",
    "emploi": "job",
    "recrutement": "recruitment",
    "ingenieur": "engineer",
    "formation": "training",
    "brevet": "patent",
    "technologie": "technology",
    "aeronautique": "aeronautics",
    "spatial": "space",
    "lumiere": "light",
    "optique": "optics",
    "mesure": "measurement",
    "traitement": "treatment",
    "qualite": "quality",
    "energie": "energy",
    "chaleur": "heat",
    "froid": "cold",
    "thermique": "thermal",
    "electrique": "electric",
    "vehicule": "vehicle",
    "mobilite": "mobility",
    "logistique": "logistics",
    "alimentaire": "food",
    "aliment": "food",
    "emballage": "packaging",
    "plastique": "plastic",
    "batterie": "battery",
    "hydrogene": "hydrogen",
    "pile": "cell",
    "combustible": "fuel",
    "moteur": "engine",
    "conception": "design",
    "simulation": "simulation",
    "calcul": "computing",
    "nuage": "cloud",
    "imagerie": "imaging",
    "medicament": "drug",
    "therapie": "therapy",
    "biologie": "biology",
    "chimie": "chemistry",
    "agriculture": "agriculture",
    "agricole": "agricultural",
    "batiment": "building",
    "construction": "construction",
    "ville": "city",
    "navire": "ship",
    "mer": "sea",
    "ocean": "ocean",
    "maritime": "marine",
    "marin": "marine",
    "marine": "marine",
    "entreprise": "company",
    "societe": "company",
    "demarrage": "startup",
    "jeune": "young",
    "pousse": "startup",
    "incubateur": "incubator",
    "accompagnement": "support",
    "soutien": "support",
    "conseil": "consulting",
    "etude": "study",
    "diagnostic": "diagnostic",
    "maintenance": "maintenance",
    "predictive": "predictive",
    "predictif": "predictive",
    "automatisation": "automation",
    "usinage": "machining",
    "soudage": "welding",
    "composant": "component",
    "electronique": "electronics",
    "semiconducteur": "semiconductor",
    "telecommunication": "telecommunication",
    "satellite": "satellite",
    "securise": "secure",
    "chiffrement": "encryption",
    "cartographie": "mapping",
    "surveillance": "monitoring",
    "suivi": "monitoring",
    "pilotage": "control",
    "commande": "control",
    "vente": "sales",
    "achat": "purchasing",
    "export": "export",
    "international": "international",
    "implantation": "settlement",
    "atterrissage": "landing",
    "bureau": "office",
    "locaux": "premises",
}

# Suffixes cut from the end of a word (longest first), with what replaces them. Applied once,
# after the plural is removed, to words of 5 letters or more.
_SUFFIXES = (
    ("ization", "is"),
    ("isation", "is"),
    ("ement", ""),
    ("ities", "it"),
    ("ique", "ic"),
    ("ical", "ic"),
    ("ielle", "i"),
    ("ings", ""),
    ("ing", ""),
    ("ity", "it"),
    ("ite", "it"),
    ("ive", "iv"),
    ("if", "iv"),
    ("iel", "i"),
    ("ial", "i"),
    ("ied", "i"),
    ("ies", "i"),
    ("ed", ""),
    ("ment", ""),
    ("eur", "or"),
    ("y", "i"),
    ("e", ""),
)


def _singular(word: str) -> str:
    if len(word) <= 3:
        return word
    if word.endswith("aux") and len(word) > 4:
        return word[:-3] + "al"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    if word.endswith("x") and word[-2] in "eu":
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem that makes French and English forms of one word agree; '' for a stop word."""
    if word in STOP_WORDS or len(word) < 2:
        return ""
    english = GLOSSARY.get(word)
    if english is None:
        single = _singular(word)
        english = GLOSSARY.get(single, single)
    word = _singular(english)
    if len(word) < 5:
        return word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + replacement
    return word


_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[tuple[str, str]]:
    """(stem, word as written, in lower case) for each meaningful word of a text."""
    out = []
    for raw in _WORD.findall((text or "").lower()):
        for word in fold(raw).split():
            if word.isdigit():
                continue
            s = stem(word)
            if s:
                out.append((s, raw))
    return out


def terms(text: str) -> list[str]:
    """The stems of a text in order, stop words left out; repeated stems are kept (counts)."""
    out = []
    for word in fold(text).split():
        if word.isdigit():
            continue
        s = stem(word)
        if s:
            out.append(s)
    return out
