"""State changes of events, series and programmes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from unidecode import unidecode

from maillage.ecosystem.rules import is_platform_admin, staff_organisation_ids
from maillage.events.enums import EventStatus
from maillage.events.models import Event, EventSeries, ProgrammeItem
from maillage.events.services.registrations import fill_from_waiting_list


def _check_edition(event: Event) -> None:
    if event.edition_number and not event.series_id:
        raise ValidationError(
            {
                "edition_number": _(
                    "An edition number needs a series: choose one or start a new one."
                )
            }
        )


def unique_slug(model, title: str) -> str:
    base = slugify(unidecode(title))[:200] or "event"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


# --- events ---------------------------------------------------------------------------------


EVENT_M2M = ("organisers", "sectors")


def check_organisers(*, user, organisers: Iterable) -> None:
    """Refuse organisers that would leave ``user`` unable to manage the event: at least one of
    their own organisations must be among them (platform admins may choose any)."""
    if is_platform_admin(user):
        return
    if not staff_organisation_ids(user) & {o.pk for o in organisers}:
        raise ValidationError(
            {
                "organisers": _(
                    "Include at least one of your own organisations among the organisers, or "
                    "you could not manage the event."
                )
            }
        )


@transaction.atomic
def create_event(
    *, created_by=None, organisers: Iterable, sectors: Iterable = (), new_series: str = "", **fields
) -> Event:
    """Create an event (a draft unless ``status`` says otherwise). ``new_series`` names a series
    to start (or join, when one has that name) instead of choosing ``series``."""
    organisers = list(organisers)
    if not organisers:
        raise ValidationError({"organisers": _("Choose at least one organiser.")})
    if new_series.strip():
        fields["series"] = get_or_create_series(name=new_series.strip(), organisers=organisers)
    event = Event(created_by=created_by, **fields)
    if not event.slug:
        event.slug = unique_slug(Event, event.title)
    event.full_clean()
    _check_edition(event)
    event.save()
    event.organisers.set(organisers)
    event.sectors.set(list(sectors))
    return event


@transaction.atomic
def update_event(*, event: Event, new_series: str = "", **fields) -> Event:
    m2m = {name: fields.pop(name) for name in EVENT_M2M if name in fields}
    if "organisers" in m2m and not list(m2m["organisers"]):
        raise ValidationError({"organisers": _("Choose at least one organiser.")})
    if new_series.strip():
        organisers = m2m.get("organisers") or event.organisers.all()
        fields["series"] = get_or_create_series(
            name=new_series.strip(), organisers=list(organisers)
        )
    event = Event.objects.select_for_update().get(pk=event.pk)
    for name, value in fields.items():
        setattr(event, name, value)
    event.full_clean()
    _check_edition(event)
    event.save()
    for name, value in m2m.items():
        getattr(event, name).set(list(value))
    fill_from_waiting_list(event)  # a raised capacity lets people in from the waiting list
    return event


def set_event_status(*, event: Event, status: str) -> Event:
    if status not in EventStatus.values:
        raise ValidationError(_("Unknown status “%(status)s”.") % {"status": status})
    Event.objects.filter(pk=event.pk).update(status=status, updated_at=timezone.now())
    event.status = status
    return event


def get_or_create_series(
    *, name: str, description: str = "", organisers: Iterable = ()
) -> EventSeries:
    series = EventSeries.objects.filter(name=name).first()
    if series is None:
        series = EventSeries.objects.create(
            name=name, slug=unique_slug(EventSeries, name), description=description
        )
    if organisers:
        series.organisers.add(*organisers)
    return series


# --- programme ------------------------------------------------------------------------------


def _check_item_times(event: Event, starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    if ends_at <= starts_at:
        raise ValidationError(
            {"ends_at": _("The item ends before it starts; give an end after the start.")}
        )
    if starts_at < event.starts_at or ends_at > event.ends_at:
        raise ValidationError(
            {
                "starts_at": _(
                    "The item must take place within the event, from %(start)s to %(end)s."
                )
                % {
                    "start": event.local_time(event.starts_at),
                    "end": event.local_time(event.ends_at),
                }
            }
        )


@transaction.atomic
def add_programme_item(
    *, event: Event, title: str, starts_at, ends_at, speakers: Iterable = (), **fields
) -> ProgrammeItem:
    _check_item_times(event, starts_at, ends_at)
    item = ProgrammeItem(event=event, title=title, starts_at=starts_at, ends_at=ends_at, **fields)
    item.full_clean()
    item.save()
    item.speakers.set(list(speakers))
    return item


@transaction.atomic
def update_programme_item(
    *, item: ProgrammeItem, speakers: Iterable | None = None, **fields
) -> ProgrammeItem:
    for name, value in fields.items():
        setattr(item, name, value)
    _check_item_times(item.event, item.starts_at, item.ends_at)
    item.full_clean()
    item.save()
    if speakers is not None:
        item.speakers.set(list(speakers))
    return item


def delete_programme_item(*, item: ProgrammeItem) -> None:
    item.delete()
