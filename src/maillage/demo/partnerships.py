"""Demo data for partnerships: the agreements and missions of the seed facts.

Runs after maillage.demo.ecosystem and finds its parks by name and country; when run alone it
creates the few organisations it needs. Idempotent: every row is found again by a natural key
(agreement title, delegation title, visit place and time…), so a second run changes nothing.
Signature days that the facts do not give are illustrative and say so in the description.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.utils import timezone

from maillage.accounts.models import User
from maillage.demo.accounts import DEMO_PASSWORD
from maillage.ecosystem import search_index, text
from maillage.ecosystem.enums import OrganisationKind as K
from maillage.ecosystem.models import Affiliation, Organisation, Person, Sector
from maillage.partnerships import services
from maillage.partnerships.enums import AgreementStatus, PartyRole
from maillage.partnerships.models import Agreement, Delegation

SOPHIA, CHENGDU, INOVALLEE, ZGC = (
    "Sophia Antipolis",
    "Chengdu Hi-tech Industrial Development Zone",
    "inovallée",
    "Zhongguancun",
)
GENOPOLE, RTP, LIC, NCBIO = (
    "Genopole",
    "Research Triangle Park",
    "Life Innovation Center",
    "NC Biotechnology Center",
)
CHATEAU_GOMBERT, SIDI_THABET = "Technopôle de Château-Gombert", "BiotechPole Sidi Thabet"

# name -> (country, kind, city, latitude, longitude), used only when the directory lacks it.
ORGANISATIONS = {
    SOPHIA: ("FR", K.PARK, "Valbonne", 43.6163, 7.0552),
    CHENGDU: ("CN", K.PARK, "Chengdu", 30.5728, 104.0668),
    INOVALLEE: ("FR", K.PARK, "Meylan", 45.2096, 5.7797),
    ZGC: ("CN", K.PARK, "Beijing", 39.9836, 116.3164),
    GENOPOLE: ("FR", K.PARK, "Évry", 48.6238, 2.4417),
    RTP: ("US", K.PARK, "Durham", 35.8992, -78.8636),
    LIC: ("JP", K.PARK, "Kawasaki", 35.5308, 139.7494),
    NCBIO: ("US", K.PUBLIC_BODY, "Durham", 35.8970, -78.8600),
    CHATEAU_GOMBERT: ("FR", K.PARK, "Marseille", 43.3416, 5.4378),
    SIDI_THABET: ("TN", K.PARK, "Sidi Thabet", 36.9136, 10.0431),
}

STAFF = [  # (e-mail, first name, last name, organisation)
    ("staff@inovallee.example", "Julie", "Moreau", INOVALLEE),
    ("staff@zgc.example", "Wei", "Zhang", ZGC),
    ("staff@genopole.example", "Nicolas", "Bernard", GENOPOLE),
]

ILLUSTRATIVE = " (The year or day of signature is illustrative; the seed facts do not give it.)"


def organisation(name: str) -> Organisation:
    country, kind, city, lat, lon = ORGANISATIONS[name]
    org = Organisation.objects.filter(name_key=text.name_key(name), country=country).first()
    if org is None:
        org = Organisation.objects.create(
            name=name, kind=kind, country=country, city=city, latitude=lat, longitude=lon
        )
        search_index.index_organisations([org.pk])
    return org


def staff_user(email: str, first_name: str, last_name: str, org: Organisation) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email, password=DEMO_PASSWORD, first_name=first_name, last_name=last_name
        )
    user.staff_of.add(org)
    return user


def person(first_name: str, last_name: str, org: Organisation) -> Person:
    p, _created = Person.objects.get_or_create(
        first_name=first_name,
        last_name=last_name,
        email=f"{text.fold(first_name + '.' + last_name).replace(' ', '.')}@demo.example",
    )
    Affiliation.objects.get_or_create(person=p, organisation=org)
    return p


def sectors(*codes: str) -> list[Sector]:
    return list(Sector.objects.filter(code__in=codes))


def _agreement(title: str, *, parties, status, commitments=(), **fields) -> Agreement:
    existing = Agreement.objects.filter(title=title).first()
    if existing is not None:
        return existing
    return services.create_agreement(
        user=None, title=title, parties=parties, status=status, commitments=commitments, **fields
    )


def agreements(o: dict[str, Organisation], people: dict[str, Person]) -> dict[str, Agreement]:
    sign, host, partner = PartyRole.SIGNATORY, PartyRole.HOST, PartyRole.PARTNER
    a = {}
    a["twinning"] = _agreement(
        "Sophia Antipolis – Chengdu Hi-tech Zone “Sister Parks” twinning",
        kind="twinning",
        parties=[(o[SOPHIA], sign), (o[CHENGDU], sign)],
        status=AgreementStatus.ACTIVE,
        is_public=True,
        signed_on=dt.date(2024, 7, 2),
        starts_on=dt.date(2024, 7, 2),
        ends_on=dt.date(2027, 7, 1),
        place="Sophia Antipolis",
        domains=sectors("digital", "cleantech", "health"),
        signatories=[people["sophia"], people["chengdu"]],
        description="The two parks twin as “Sister Parks” to exchange companies, delegations and know-how."
        + ILLUSTRATIVE,
        commitments=[
            {
                "action": "Reciprocal business delegations, one each year",
                "kind": "delegation",
                "owner": o[SOPHIA],
                "due_on": dt.date(2025, 11, 30),
            },
            {
                "action": "Joint seminar on cleantech in Chengdu",
                "kind": "seminar",
                "owner": o[CHENGDU],
                "due_on": dt.date(2026, 5, 15),
            },
            {
                "action": "Matchmaking session between the parks' companies",
                "kind": "matchmaking",
                "owner": o[SOPHIA],
                "due_on": dt.date(2027, 3, 31),
            },
        ],
    )
    a["innovation_center"] = _agreement(
        "Agreement on a Sophia Antipolis–China Innovation Center",
        kind="joint_programme",
        parties=[(o[SOPHIA], host), (o[CHENGDU], sign)],
        status=AgreementStatus.ACTIVE,
        is_public=True,
        signed_on=dt.date(2024, 7, 2),
        place="Sophia Antipolis",
        occasion="Sister Parks twinning ceremony",
        domains=sectors("digital", "cleantech", "health"),
        description="A joint innovation centre for IT, cleantech and biomedicine companies of both parks, "
        "signed on 2 July." + ILLUSTRATIVE,
        commitments=[
            {
                "action": "Open the innovation centre's first desks",
                "kind": "other",
                "owner": o[SOPHIA],
                "due_on": dt.date(2025, 7, 2),
            }
        ],
    )
    a["zgc"] = _agreement(
        "inovallée – ZGC Group collaboration for cross soft landing",
        kind="soft_landing",
        parties=[(o[INOVALLEE], sign), (o[ZGC], sign)],
        status=AgreementStatus.ACTIVE,
        is_public=True,
        signed_on=dt.date(2024, 3, 15),
        ends_on=dt.date(2027, 3, 14),
        remind_days_before=120,
        domains=sectors("digital", "microelectronics", "health"),
        description="Each park hosts the other's startups: a desk, introductions, market study, legal and "
        "visa help." + ILLUSTRATIVE,
        commitments=[
            {
                "action": "Training programme for hosted startups' founders",
                "kind": "training",
                "owner": o[INOVALLEE],
                "due_on": dt.date(2026, 12, 15),
            }
        ],
    )
    a["rtp"] = _agreement(
        "Genopole – Research Triangle Park cooperation",
        kind="cooperation",
        parties=[(o[GENOPOLE], sign), (o[RTP], partner)],
        status=AgreementStatus.ACTIVE,
        is_public=True,
        signed_on=dt.date(2019, 6, 5),
        domains=sectors("biotech", "health"),
        description="Cooperation between the biocluster and the North Carolina research park."
        + ILLUSTRATIVE,
    )
    a["lic"] = _agreement(
        "Genopole – Life Innovation Center Kawasaki cooperation",
        kind="cooperation",
        parties=[(o[GENOPOLE], sign), (o[LIC], sign)],
        status=AgreementStatus.ACTIVE,
        is_public=True,
        signed_on=dt.date(2020, 1, 1),
        ends_on=dt.date(2026, 12, 31),
        domains=sectors("biotech", "health"),
        description="Signed in 2020 (the day is illustrative).",
        commitments=[
            {
                "action": "Exchange of biotech startups' delegations",
                "kind": "delegation",
                "owner": o[GENOPOLE],
                "due_on": dt.date(2026, 6, 30),
            }
        ],
    )
    a["ncbio"] = _agreement(
        "Genopole – NC Biotechnology Center soft-landing convention",
        kind="soft_landing",
        parties=[(o[GENOPOLE], sign), (o[NCBIO], sign)],
        status=AgreementStatus.NEGOTIATION,
        domains=sectors("biotech"),
        description="A soft-landing convention under study.",
    )
    for commitment in a["innovation_center"].commitments.filter(done=False):
        services.set_commitment_done(commitment=commitment, done=True, today=dt.date(2025, 6, 20))
    return a


def _at(day: dt.date, hour: int, minutes: int = 0, tz: str = "Asia/Shanghai") -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minutes, tzinfo=zoneinfo.ZoneInfo(tz))


BEIJING_PARKS = [  # (place, latitude, longitude): six technology parks of Zhongguancun
    ("Zhongguancun Haidian Park", 39.9833, 116.3100),
    ("Zhongguancun Software Park", 40.0446, 116.2874),
    ("Tsinghua University Science Park", 39.9990, 116.3330),
    ("Zhongguancun Life Science Park (Changping)", 40.0967, 116.2897),
    ("Beijing Economic-Technological Development Area (Yizhuang)", 39.7950, 116.5060),
    ("Zhongguancun Fengtai Park", 39.8290, 116.2880),
]


def delegations(
    o: dict[str, Organisation], a: dict[str, Agreement], people: dict[str, Person]
) -> None:
    beijing = Delegation.objects.filter(
        title="Mission to Beijing: six technology parks in a week"
    ).first()
    if beijing is None:
        beijing = services.create_delegation(
            user=None,
            title="Mission to Beijing: six technology parks in a week",
            direction="outgoing",
            purpose="Visit six technology parks of Zhongguancun, meet companies and prepare the cross soft-landing "
            "programme with ZGC Group.",
            starts_on=dt.date(2025, 9, 8),
            ends_on=dt.date(2025, 9, 12),
            countries="CN",
            time_zone="Asia/Shanghai",
            hosts=[o[ZGC]],
            visitors=[o[INOVALLEE]],
            members=[people["inovallee"]],
        )
        for i, (place, lat, lon) in enumerate(BEIJING_PARKS):
            day = dt.date(2025, 9, 8) + dt.timedelta(days=i // 2 + (1 if i >= 4 else 0))
            hour = 9 if i % 2 == 0 else 14
            services.add_visit(
                delegation=beijing,
                place=place,
                latitude=lat,
                longitude=lon,
                starts_at=_at(day, hour),
                ends_at=_at(day, hour + 3),
                organisation=o[ZGC] if i == 0 else None,
            )
        services.add_contact(
            delegation=beijing,
            person=people["zgc"],
            organisation=o[ZGC],
            notes="Head of international cooperation; owner of the soft-landing offer.",
        )
        services.add_follow_up(
            delegation=beijing,
            kind="agreement",
            agreement=a["zgc"],
            description="Cross soft-landing collaboration put into practice",
        )
    japan = Delegation.objects.filter(title="Japanese cluster delegation visiting Genopole").first()
    if japan is None:
        japan = services.create_delegation(
            user=None,
            title="Japanese cluster delegation visiting Genopole",
            direction="incoming",
            purpose="Learn how the biocluster works: its incubator, shared platforms and support to startups.",
            starts_on=dt.date(2025, 5, 20),
            ends_on=dt.date(2025, 5, 21),
            countries="JP",
            time_zone="Europe/Paris",
            hosts=[o[GENOPOLE]],
            visitors=[o[LIC]],
            members=[people["lic"]],
        )
        paris = "Europe/Paris"
        services.add_visit(
            delegation=japan,
            organisation=o[GENOPOLE],
            place="Genopole campus, Évry",
            starts_at=_at(dt.date(2025, 5, 20), 9, tz=paris),
            ends_at=_at(dt.date(2025, 5, 20), 12, 30, tz=paris),
        )
        services.add_visit(
            delegation=japan,
            place="Genopole incubator and shared platforms",
            latitude=48.6270,
            longitude=2.4330,
            starts_at=_at(dt.date(2025, 5, 20), 14, tz=paris),
            ends_at=_at(dt.date(2025, 5, 20), 17, tz=paris),
        )
        services.add_visit(
            delegation=japan,
            place="Meetings with Genopole biotech companies",
            latitude=48.6238,
            longitude=2.4417,
            starts_at=_at(dt.date(2025, 5, 21), 9, 30, tz=paris),
            ends_at=_at(dt.date(2025, 5, 21), 12, tz=paris),
        )
        services.add_contact(delegation=japan, person=people["genopole"], organisation=o[GENOPOLE])
        services.add_follow_up(
            delegation=japan,
            kind="agreement",
            agreement=a["lic"],
            description="Yearly exchange of startup delegations under the 2020 agreement",
            due_on=dt.date(2026, 6, 30),
        )


def recent_delegation(o: dict[str, Organisation]) -> None:
    """An incoming delegation of this year, so that the reports of the demo park (Château-Gombert,
    whose staff the demo signs in) have delegations and a foreign country in the current year."""
    title = "Tunisian biotech delegation visiting Château-Gombert"
    if Delegation.objects.filter(title=title).exists():
        return
    today = timezone.localdate()
    day = max(dt.date(today.year, 1, 1), today - dt.timedelta(days=30))
    services.create_delegation(
        user=None,
        title=title,
        direction="incoming",
        purpose="Meet the park's biotech startups and the Impulse incubator; explore exchanges "
        "of startups between Marseille and Tunis. (An illustrative visit: the seed facts do not "
        "mention it.)",
        starts_on=day,
        ends_on=day + dt.timedelta(days=1),
        countries="TN",
        time_zone="Europe/Paris",
        hosts=[o[CHATEAU_GOMBERT]],
        visitors=[o[SIDI_THABET]],
    )


def load(stdout) -> None:
    o = {name: organisation(name) for name in ORGANISATIONS}
    for email, first, last, org_name in STAFF:
        staff_user(email, first, last, o[org_name])
    people = {
        "sophia": person("Claire", "Vidal", o[SOPHIA]),
        "chengdu": person("Hao", "Li", o[CHENGDU]),
        "inovallee": person("Julie", "Moreau", o[INOVALLEE]),
        "zgc": person("Wei", "Zhang", o[ZGC]),
        "genopole": person("Nicolas", "Bernard", o[GENOPOLE]),
        "lic": person("Aiko", "Tanaka", o[LIC]),
    }
    a = agreements(o, people)
    delegations(o, a, people)
    recent_delegation(o)
    stdout.write(
        f"Partnerships: {Agreement.objects.count()} agreements, {Delegation.objects.count()} delegations."
    )
