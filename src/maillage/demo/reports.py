"""Demo data for reports: yearly report drafts with a staff introduction, so that a demo user
opens a report and generates a PDF whose figures come from the rest of the demo data.

- Technopôle de Château-Gombert (the demo's main park, staff@chateau-gombert.example), in
  French: its 12/14 lunches and its directory;
- the Club des Technopoles de l'Axe Seine (staff@axe-seine.example), in English: the business
  convention of its member parks, with its meetings and feedback.

Both for the current year, the one the demo's events and meetings fall in. Runs after every
other demo module; idempotent (a report is found again by park, year and language, and a text
staff already wrote is left alone).
"""

from __future__ import annotations

from django.utils import timezone

from maillage.accounts.models import User
from maillage.demo.ecosystem_facts import AXE_SEINE, CHATEAU_GOMBERT
from maillage.ecosystem import text
from maillage.ecosystem.models import Organisation
from maillage.reports.yearly import services as yearly

DRAFTS = [
    (
        CHATEAU_GOMBERT,
        "fr",
        "staff@chateau-gombert.example",
        {
            "introduction": (
                "Cette année, le Technopôle de Château-Gombert a réuni sa communauté autour des "
                "12/14, ces déjeuners où deux fondateurs racontent leur parcours avant un temps "
                "de réseau, repris ensuite par les technopoles sœurs de la métropole.\n\n"
                "Ce rapport présente les chiffres de l'année tirés de la plateforme : "
                "événements, partenariats, délégations et croissance de l'annuaire."
            ),
            "events_text": (
                "Les 12/14 sont désormais un rendez-vous mensuel, en alternance avec Luminy et "
                "l'Arbois."
            ),
        },
    ),
    (
        AXE_SEINE,
        "en",
        "staff@axe-seine.example",
        {
            "introduction": (
                "The four technopoles of the Axe Seine held their first inter-technopole "
                "business convention at Aéropole this year: SME and startup leaders met large "
                "groups, engineering schools and public funders in pre-scheduled one-to-one "
                "meetings.\n\nThe figures below come from the platform and cover the four "
                "member parks."
            ),
            "events_text": (
                "Thanks to the method of the convention, each participant met about forty people."
            ),
        },
    ),
]


def _organisation(name: str) -> Organisation | None:
    return Organisation.objects.filter(name_key=text.name_key(name)).first()


def load(stdout) -> None:
    year = timezone.localdate().year
    made = []
    for name, language, email, paragraphs in DRAFTS:
        organisation = _organisation(name)
        if organisation is None:  # the directory's demo did not run: nothing to report on
            continue
        staff = User.objects.filter(email=email).first()
        report = yearly.start_report(
            organisation=organisation, year=year, language=language, user=staff
        )
        missing = {
            field: value for field, value in paragraphs.items() if not getattr(report, field)
        }
        if missing:
            yearly.save_paragraphs(report=report, user=staff, **missing)
        made.append(f"{organisation.name} {year} ({language})")
    stdout.write(f"Reports: yearly report drafts for {', '.join(made) or 'nobody'}.\n")
