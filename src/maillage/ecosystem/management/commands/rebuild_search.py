"""`python -m maillage rebuild_search`: refill the directory's full-text index from every
organisation (after a restore, or data written behind maillage's back)."""

from django.core.management.base import BaseCommand

from maillage.ecosystem import search_index


class Command(BaseCommand):
    help = "Refill the directory's full-text search index from all organisations."

    def handle(self, *args, **options):
        count = search_index.rebuild()
        self.stdout.write(f"Search index rebuilt: {count} organisations.")
