"""Words of park news, French and English: what names an organisation's kind, an agreement,
an event, a delegation or a figure. Folded (lower case, no accents) so one list serves both
spellings of a word."""

from __future__ import annotations

# Leading words dropped from a name ("the Genopole" is Genopole) and trailing legal forms.
ARTICLES = {"the", "le", "la", "les", "l", "du", "des", "de", "d", "a", "an"}
LEGAL_FORMS = {"sas", "sa", "sarl", "sasu", "inc", "ltd", "llc", "gmbh", "plc", "co", "corp"}

# Words inside a name that tell its kind (checked in this order: the first kind that matches).
KIND_CUES: list[tuple[str, set[str]]] = [
    ("network", {"network", "reseau", "association", "club", "federation", "alliance",
                 "consortium", "iasp", "eu bic", "retis"}),
    ("park", {"technopole", "technopolis", "technopark", "technoparc", "park", "parc",
              "zone", "district", "biopole", "biotechpole", "aeropole", "genopole", "pole",
              "campus", "science city", "hi tech", "high tech", "innovation center",
              "innovation centre", "biocluster", "zhongguancun", "zgc"}),
    ("university", {"universite", "university", "ecole", "school", "polytech", "centrale",
                    "institut", "institute", "college", "insa", "mines", "telecom"}),
    ("funder", {"bpifrance", "fund", "fonds", "capital", "ventures", "invest", "banque",
                "bank", "angels", "foundation", "fondation"}),
    ("public_body", {"region", "ministere", "ministry", "agence", "agency", "metropole",
                     "metropolis", "prefecture", "chamber", "chambre", "cci", "council",
                     "conseil", "ville", "city of", "departement", "business france",
                     "commission", "government", "gouvernement"}),
    ("company", {"therapeutics", "therapeutique", "therapeutiques", "technologies", "technology", "biotech", "robotics",
                 "systems", "solutions", "labs", "lab", "energy", "energie", "pharma",
                 "medical", "group", "groupe", "industries", "software", "sas", "sa",
                 "inc", "ltd", "gmbh", "analytics", "bio", "diagnostics", "materials",
                 "devices", "photonics", "sensors", "motors", "dynamics", "data",
                 "incubateur", "incubator", "accelerator", "accelerateur", "pepiniere",
                 "nursery", "innovation", "center", "centre", "cluster", "biotechnology"}),
]

# A noun before a capitalised name that says what the name is ("la start-up Planktovie").
APPOSITION_KINDS = {
    "start up": "startup", "startup": "startup", "jeune pousse": "startup",
    "entreprise": "company", "societe": "company", "company": "company", "firm": "company",
    "pme": "company", "sme": "company", "groupe": "company", "spin off": "startup",
    "scale up": "startup", "fabricant": "company", "manufacturer": "company",
    "biotech": "company", "medtech": "startup", "incubateur": "company",
    "incubator": "company", "technopole": "park", "park": "park", "parc": "park",
    "universite": "university", "university": "university", "ecole": "university",
    "reseau": "network", "network": "network", "association": "network",
    "laboratoire": "company", "laboratory": "company", "agence": "public_body",
    "agency": "public_body", "fonds": "funder", "fund": "funder", "investor": "funder",
    "investisseur": "funder", "cluster": "company", "pole de competitivite": "network",
}

# Agreements: a folded phrase -> the agreement's kind (longest phrases are tried first).
AGREEMENT_CUES: dict[str, str] = {
    "jumelage": "twinning", "twinning": "twinning", "sister parks": "twinning",
    "sister park": "twinning", "parcs jumeaux": "twinning", "parcs freres": "twinning",
    "soft landing": "soft_landing", "softlanding": "soft_landing",
    "soft landing croise": "soft_landing", "atterrissage en douceur": "soft_landing",
    "mou": "mou", "memorandum of understanding": "mou", "memorandum": "mou",
    "protocole d accord": "mou", "lettre d intention": "mou", "letter of intent": "mou",
    "convention de cooperation": "cooperation", "accord de cooperation": "cooperation",
    "cooperation agreement": "cooperation", "collaboration agreement": "cooperation",
    "accord de collaboration": "cooperation", "convention de partenariat": "cooperation",
    "accord de partenariat": "cooperation", "partnership agreement": "cooperation",
    "accord cadre": "cooperation", "framework agreement": "cooperation",
    "convention": "cooperation", "agreement": "cooperation", "accord": "cooperation",
    "partenariat": "cooperation", "partnership": "cooperation",
    "programme commun": "joint_programme", "joint programme": "joint_programme",
    "joint program": "joint_programme", "programme conjoint": "joint_programme",
}
# An agreement phrase counts only with one of these verbs or nouns of commitment near it.
AGREEMENT_TRIGGERS = {
    "signe", "signent", "signed", "signs", "sign", "signature", "conclu", "concluded",
    "paraphe", "renouvele", "renewed", "renew", "scelle", "sealed", "entered", "lance",
    "launched", "launch", "officialise", "formalised", "formalized", "ratifie", "adopted",
    "agreed", "etude", "study", "negociation", "negotiating", "jumeles", "twinned",
    "became", "deviennent", "devenus", "unit", "unite", "link", "lie", "lient",
}
# Event phrases: folded phrase -> event kind (the events app's kinds).
EVENT_CUES: dict[str, str] = {
    "convention d affaires": "business_convention", "business convention": "business_convention",
    "rendez vous d affaires": "business_convention", "rencontres d affaires": "business_convention",
    "b2b meetings": "business_convention", "rendez vous b2b": "business_convention",
    "speed meeting": "trade_show_matchmaking", "speed meetings": "trade_show_matchmaking",
    "matchmaking": "trade_show_matchmaking", "brokerage event": "trade_show_matchmaking",
    "showcase": "trade_show_matchmaking", "salon": "trade_show_matchmaking",
    "trade show": "trade_show_matchmaking", "trade fair": "trade_show_matchmaking",
    "world conference": "conference", "conference": "conference", "congres": "conference",
    "congress": "conference", "summit": "conference", "sommet": "conference",
    "forum": "conference", "colloque": "conference", "symposium": "conference",
    "12 14": "networking_lunch", "dejeuner": "networking_lunch", "lunch": "networking_lunch",
    "afterwork": "networking_lunch", "apero": "networking_lunch",
    "pitch": "pitch_session", "concours": "pitch_session", "demo day": "pitch_session",
    "hackathon": "pitch_session", "challenge": "pitch_session",
    "seminaire": "seminar", "seminar": "seminar", "webinaire": "seminar", "webinar": "seminar",
    "atelier": "seminar", "workshop": "seminar", "journee": "seminar", "masterclass": "seminar",
}
DELEGATION_CUES = {"delegation", "mission", "learning expedition", "study tour", "visite"}
DELEGATION_HOST_VERBS = {
    "accueille", "accueilli", "accueillait", "recu", "recoit", "welcomed", "welcomes",
    "hosted", "hosts", "received", "receives", "visite", "visited", "visits", "visiter",
    "rendue", "rendu", "travelled", "traveled", "toured",
}
# Figures: folded nouns counted in park news -> what they count.
FIGURE_NOUNS = {
    "participants": "participants", "participant": "participants",
    "chefs d entreprise": "leaders", "dirigeants": "leaders", "leaders": "leaders",
    "entreprises": "companies", "companies": "companies", "startups": "startups",
    "start up": "startups", "jeunes pousses": "startups", "rendez vous": "meetings",
    "meetings": "meetings", "rencontres": "meetings", "personnes": "people", "people": "people",
    "pays": "countries", "countries": "countries", "parcs": "parks", "parks": "parks",
    "centres de recherche": "research centres", "research centres": "research centres",
    "research centers": "research centres", "incubateurs": "incubators",
    "incubators": "incubators", "membres": "members", "members": "members",
    "exposants": "exhibitors", "exhibitors": "exhibitors", "emplois": "jobs", "jobs": "jobs",
    "chercheurs": "researchers", "researchers": "researchers", "visiteurs": "visitors",
    "visitors": "visitors", "delegues": "delegates", "delegates": "delegates",
    "video meetings": "meetings", "ecosystems": "members", "ecosystemes": "members",
}
NUMBER_WORDS = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60, "cent": 100, "dizaine": 10, "douzaine": 12,
    "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "quarantaine": 40,
    "cinquantaine": 50, "centaine": 100, "two": 2, "three": 3, "four": 4, "five": 5,
    "six_": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "hundred": 100, "dozen": 12, "soixante dix": 70,
}
# Capitalised words that begin a sentence or a name but are never organisations themselves.
NOT_NAMES = {
    "le", "la", "les", "l", "un", "une", "ce", "cette", "ces", "il", "elle", "ils", "nous",
    "the", "a", "an", "this", "these", "it", "we", "our", "in", "on", "at", "for", "with",
    "en", "au", "aux", "a l", "apres", "after", "depuis", "since", "lors", "during",
    "communique", "press release", "news", "actualites", "contact", "photo", "source",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "europe",
    "international", "sister parks", "soft landing", "ceo", "directeur", "directrice",
    "president", "presidente", "mou", "b2b", "startups", "start ups", "covid", "pme", "sme",
    "agence", "agency", "startup", "start up", "technopole", "technopoles", "parc", "park",
}
