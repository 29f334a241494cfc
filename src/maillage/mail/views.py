"""The organiser's outbox of an event: every mail sent for it, its state, and resending."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from maillage.events.models import Event
from maillage.mail import selectors, services
from maillage.mail.enums import MailStatus
from maillage.mail.models import OutgoingMail

PAGE_SIZE = 100


def _event_for(request, slug: str, perm: str) -> Event:
    event = get_object_or_404(Event, slug=slug)
    if not request.user.has_perm("events.view_event", event):
        raise Http404(_("No such event."))  # private events do not reveal that they exist
    if not request.user.has_perm(perm, event):
        raise PermissionDenied(_("Only the organisers of this event may see its outbox."))
    return event


@login_required
def outbox(request, slug: str):
    event = _event_for(request, slug, "mail.view_outbox")
    status = request.GET.get("status", "")
    if status not in MailStatus.values:
        status = ""
    counts = selectors.status_counts(event)
    page = Paginator(selectors.outbox(event, status=status), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "mail/outbox.html",
        {
            "event": event,
            "page": page,
            "status": status,
            "filters": [(value, label, counts[value]) for value, label in MailStatus.choices],
            "failed": counts[MailStatus.FAILED],
        },
    )


@login_required
@require_POST
def resend(request, slug: str):
    event = _event_for(request, slug, "mail.resend")
    which = request.POST.get("mail", "")
    if which == "failed":
        count = services.resend_failed(event=event)
        messages.success(
            request,
            ngettext(
                "%(n)d failed mail is queued again.", "%(n)d failed mails are queued again.", count
            )
            % {"n": count},
        )
    elif which.isdigit():
        mail = OutgoingMail.objects.filter(event=event, pk=int(which)).first()
        if mail is None:
            raise Http404(_("No such mail in this event's outbox."))
        try:
            services.resend(mail=mail)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The mail to %(to)s is queued again.") % {"to": mail.to})
    else:
        messages.error(request, _("Choose a mail to resend, or resend all failed mails."))
    return redirect("mail:outbox", slug=event.slug)
