"""`python -m maillage invite EVENT_SLUG [--resend] [--now]`: invite the event's confirmed
registrants who have not signed in yet (see maillage.events.invitations)."""

from collections import Counter

from django.core.management.base import BaseCommand, CommandError

from maillage.events import invitations
from maillage.events.models import Event
from maillage.mail import delivery
from maillage.mail.enums import MailStatus
from maillage.mail.models import OutgoingMail


class Command(BaseCommand):
    help = (
        "Mail each confirmed registrant of the event who has not been invited (with --resend: "
        "who has not signed in) a personal sign-in link. --now delivers at once, without the "
        "worker."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the event's slug, as in /events/<slug>/")
        parser.add_argument(
            "--resend", action="store_true", help="send again to those who have not signed in"
        )
        parser.add_argument(
            "--now", action="store_true", help="deliver the mails now instead of by the worker"
        )

    def handle(self, *args, slug, resend, now, **options):
        event = Event.objects.filter(slug=slug).first()
        if event is None:
            raise CommandError(
                f"No event has the slug “{slug}”; the slug is the last part of the event's address."
            )
        result = invitations.invite(event=event, resend=resend)
        self.stdout.write(result.message())
        if not now:
            if result.sent:
                self.stdout.write("The mail worker delivers them (python -m maillage serve).")
            return
        for mail in result.mails:
            delivery.deliver(mail_id=mail.pk)  # skipped when a worker got there first
        statuses = Counter(
            OutgoingMail.objects.filter(pk__in=[m.pk for m in result.mails]).values_list(
                "status", flat=True
            )
        )
        sent, failed = statuses[MailStatus.SENT], statuses[MailStatus.FAILED]
        later = statuses[MailStatus.QUEUED]
        self.stdout.write(f"Delivered: {sent}; failed: {failed}; to retry later: {later}.")
        if failed or later:
            self.stdout.write(
                "See the event's outbox for the errors; mails to retry go out with the worker."
            )
