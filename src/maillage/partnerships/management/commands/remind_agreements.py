from django.core.management.base import BaseCommand

from maillage.partnerships import services
from maillage.partnerships.tasks import remind_agreements


class Command(BaseCommand):
    help = (
        "Expire agreements past their end date and e-mail party staff before expiry or renewal. "
        "Run daily (cron). By default the job is queued for the worker; --now runs it here."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", action="store_true", help="run in this process instead of queueing"
        )

    def handle(self, *args, now, **options):
        if now:
            expired = services.expire_agreements()
            sent = services.send_expiry_reminders()
            self.stdout.write(f"{expired} agreement(s) expired, {sent} reminder e-mail(s) sent.")
        else:
            result = remind_agreements.enqueue()
            self.stdout.write(f"Reminder job queued ({result.id}).")
