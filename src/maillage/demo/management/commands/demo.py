"""`python -m maillage demo`: load the demo data set (idempotent), then list the demo accounts."""

from django.core.management.base import BaseCommand

from maillage.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from maillage.demo.ecosystem import grow_directory
from maillage.demo.loading import load_all


class Command(BaseCommand):
    help = "Load the demo data set (idempotent). --orgs N adds generated organisations up to N."

    def add_arguments(self, parser):
        parser.add_argument(
            "--orgs", type=int, default=0, help="total organisations to reach with generated ones"
        )

    def handle(self, *args, orgs, **options):
        load_all(self.stdout)
        if orgs:
            grow_directory(orgs, self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(f"Demo accounts (password: {DEMO_PASSWORD}):")
        for email, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<40} {role}")
