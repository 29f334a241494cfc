from django.core.management.base import BaseCommand

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
            from maillage.demo.ecosystem import grow_directory

            grow_directory(orgs, self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
