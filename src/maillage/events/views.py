"""Public pages of events: calendar (list and month), ICS feed, event page, registration."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts import rate_limits
from maillage.events import ics, selectors, self_registration, services
from maillage.events.enums import EventKind
from maillage.events.forms import RegistrationForm
from maillage.events.models import Event
from maillage.events.rules import manages_event


def visible_event_or_404(request, slug: str) -> Event:
    event = get_object_or_404(
        Event.objects.select_related("venue_organisation", "series"), slug=slug
    )
    if not request.user.has_perm("events.view_event", event):
        raise Http404(_("No such event."))  # private events do not reveal that they exist
    return event


def calendar_list(request):
    when = request.GET.get("when", "upcoming")
    if when not in ("upcoming", "past", "all"):
        when = "upcoming"
    kind = request.GET.get("kind", "")
    kind = kind if kind in EventKind.values else ""
    organiser = request.GET.get("organiser", "")
    events = selectors.filter_events(
        selectors.visible_events(request.user), when=when, kind=kind, organiser=organiser
    )[:200]
    today = timezone.localdate()
    return render(
        request,
        "events/calendar_list.html",
        {
            "events": events,
            "when": when,
            "kind": kind,
            "organiser": organiser,
            "kinds": EventKind.choices,
            "organisers": selectors.organiser_choices(),
            "can_add": request.user.has_perm("events.add_event"),
            "this_month": (today.year, today.month),
        },
    )


def calendar_month(request, year: int, month: int):
    if not (1 <= month <= 12 and 1900 <= year <= 2200):
        raise Http404(_("No such month."))
    start, end = selectors.month_bounds(year, month)
    events = (
        selectors.visible_events(request.user)
        .filter(starts_at__gte=start, starts_at__lte=end)
        .order_by("starts_at")
    )
    first = dt.date(year, month, 1)
    previous = first - dt.timedelta(days=1)
    following = first + dt.timedelta(days=32)
    return render(
        request,
        "events/calendar_month.html",
        {
            "weeks": selectors.month_grid(events, year, month),
            "first": first,
            "previous": (previous.year, previous.month),
            "next": (following.year, following.month),
        },
    )


def feed(request):
    """ICS feed of public events from 90 days ago on (subscribe to it in a calendar application)."""
    events = selectors.public_feed_events()
    body = ics.calendar_bytes(
        events, name=_("maillage events"), base_url=request.build_absolute_uri("/")
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="maillage-events.ics"'
    return response


def event_ics(request, slug: str):
    event = visible_event_or_404(request, slug)
    body = ics.calendar_bytes(
        [event],
        name=event.title,
        base_url=request.build_absolute_uri("/"),
        online_link=request.user.has_perm("events.join_online", event),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


def detail(request, slug: str):
    event = visible_event_or_404(request, slug)
    is_manager = manages_event(request.user, event)
    counts = selectors.registration_counts(event)
    state = services.registration_refusal(event)
    own = None
    if request.user.is_authenticated:
        own = selectors.own_registrations(request.user).filter(event=event).first()
    place = event.place
    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "venue_point": {
                "latitude": place[0],
                "longitude": place[1],
                "name": event.venue_name or event.title,
            }
            if place
            else None,
            "organisers": event.organisers.all(),
            "sectors": event.sectors.all(),
            "programme": selectors.programme(event),
            "participants": selectors.shown_participants(event),
            "counts": counts,
            "seats_left": selectors.seats_left(event, counts),
            "is_manager": is_manager,
            "may_join_online": request.user.has_perm("events.join_online", event),
            "own_registration": own,
            "registration_open": state is None,
            "registration_state": state,
        },
    )


def register(request, slug: str):
    event = visible_event_or_404(request, slug)
    state = services.registration_refusal(event)
    initial = {}
    if request.user.is_authenticated:
        initial = {
            "email": request.user.email,
            "first_name": request.user.first_name,
            "last_name": request.user.last_name,
        }
    form = RegistrationForm(request.POST or None, initial=initial)
    if request.method == "POST" and state is None and form.is_valid():
        fields = dict(form.cleaned_data)
        email = fields.pop("email")
        signed_in_as = request.user.is_authenticated and request.user.email.lower() == email.lower()
        try:
            if not signed_in_as:  # nothing happens before the address is checked by a link
                if not rate_limits.allow_mail(purpose="register", address=email, request=request):
                    return render(request, "accounts/link_throttled.html", status=429)
                self_registration.request_registration(event=event, email=email, **fields)
                context = {"event": event, "email": email, "days": self_registration.CONFIRM_DAYS}
                return render(request, "events/register_check_mail.html", context)
            registration = services.register(event=event, user=request.user, email=email, **fields)
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            return redirect(registration)
    return render(request, "events/register.html", {"event": event, "form": form, "state": state})
