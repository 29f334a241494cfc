"""`python -m maillage demo`: load the demo data set (idempotent), then list the demo accounts.

The demo invents people with faker, an optional dependency (the `demo` extra): without it the
command says how to install it instead of failing on an import.
"""

from importlib.util import find_spec

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from maillage.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from maillage.demo.loading import load_all


class Command(BaseCommand):
    help = "Load the demo data set (idempotent). --orgs N adds generated organisations up to N."

    def add_arguments(self, parser):
        parser.add_argument(
            "--orgs", type=int, default=0, help="total organisations to reach with generated ones"
        )

    def handle(self, *args, orgs, **options):
        if find_spec("faker") is None:
            raise CommandError(
                _(
                    "The demo data need the faker package, which is not installed: install it "
                    "with `pip install -e '.[demo]'` (or `make install`), then run the demo again."
                )
            )
        load_all(self.stdout)  # imports each loader when it runs
        if orgs:
            # The generated directory imports faker: only once faker is known to be installed.
            from maillage.demo.ecosystem import grow_directory

            grow_directory(orgs, self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(f"Demo accounts (password: {DEMO_PASSWORD}):")
        for email, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<40} {role}")
