"""State changes of registrations: register (matching the directory), waiting list,
approval, cancellation, check-in, import.

Seats are counted under a row lock on the event (``select_for_update``; on SQLite the
IMMEDIATE transaction mode serialises writers), so concurrent registrations never over-book.
E-mails are queued as tasks inside the same transaction: with the database task backend the
task row is committed together with the registration, or not at all.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from maillage.events import directory_match, invitations
from maillage.events.enums import (
    EventStatus,
    ParticipationType,
    RegistrationSource,
    RegistrationStatus,
)
from maillage.events.models import Event, Registration
from maillage.events.registrant_import import ImportRejected, RowError, check_rows, read_table
from maillage.privacy.enums import ConsentMethod, ConsentPurpose
from maillage.privacy.services import consent_text, record_consent

S = RegistrationStatus


class RegistrationClosed(ValidationError):
    """Registration is not possible now (draft, cancelled, before or after the window)."""


class AlreadyRegistered(ValidationError):
    """The same person is already registered to the event."""


class EventFull(ValidationError):
    """No seat left and no waiting list."""


class StatusConflict(ValidationError):
    """The registration is not in a state that allows the change asked for."""


# --- registrations --------------------------------------------------------------------------


def check_registration_open(event: Event, now: dt.datetime) -> None:
    if event.status == EventStatus.CANCELLED:
        raise RegistrationClosed(_("This event is cancelled: registration is closed."))
    if event.status != EventStatus.PUBLISHED:
        raise RegistrationClosed(_("This event is not published yet: registration is not open."))
    if event.registration_opens_at and now < event.registration_opens_at:
        raise RegistrationClosed(
            _("Registration opens on %(date)s; come back then.")
            % {"date": event.local_time(event.registration_opens_at)}
        )
    closes = event.registration_closes_at or event.ends_at
    if now >= closes:
        raise RegistrationClosed(
            _("Registration closed on %(date)s.") % {"date": event.local_time(closes)}
        )


def registration_refusal(event: Event, now: dt.datetime | None = None) -> str | None:
    """Why registering to the event is not possible now, in a sentence; None when it is."""
    try:
        check_registration_open(event, now or timezone.now())
    except RegistrationClosed as exc:
        return exc.messages[0]
    return None


def _has_seat(event: Event) -> bool:
    return event.capacity is None or event.registrations.confirmed().count() < event.capacity


def fill_from_waiting_list(event: Event) -> list[Registration]:
    """Confirm waiting-list registrations in order while seats are free (event row locked)."""
    promoted = []
    if event.capacity is None:
        free = None
    else:
        free = event.capacity - event.registrations.confirmed().count()
    queue = event.registrations.waitlisted()
    if free is not None:
        queue = queue[: max(free, 0)]
    for registration in list(queue):
        registration.status = S.CONFIRMED
        registration.decided_at = timezone.now()
        registration.save(update_fields=["status", "decided_at"])
        _notify(registration, "promoted")
        promoted.append(registration)
    return promoted


def _notify(registration: Registration, notice: str) -> None:
    # events.tasks imports these services when it runs (see there): imported when a notice is
    # sent, not at the top, so the two modules do not load each other.
    from maillage.events import tasks

    tasks.send_registration_email.enqueue(registration_id=registration.pk, notice=notice)


def register(
    *,
    event: Event,
    email: str,
    first_name: str,
    last_name: str,
    organisation_name: str = "",
    country: str = "",
    website: str = "",
    job_title: str = "",
    phone: str = "",
    participation_type: str = ParticipationType.OTHER,
    listed_publicly: bool = False,
    public_directory: bool = False,
    user=None,
    source: str = RegistrationSource.WEB,
    now: dt.datetime | None = None,
    notify: bool = True,
    verified: bool = False,
) -> Registration:
    """Register a person (matched or added to the directory) to an event.

    Registrations from the form or the API respect the registration window and approval;
    organisers adding people (import, staff) bypass both. When the event is full, the
    registration goes to the waiting list, or is refused if the event has none.

    The caller says who acts: ``user`` signed in with the address itself, or ``verified`` when
    the address was proven by a link mailed to it (events/self_registration.py). Only then does
    ``public_directory`` change the person's consent (through the privacy app); an organiser
    or anybody else registering the address changes no consent. Pages never call this for a
    visitor not signed in as the address: they go through self_registration first.
    """
    now = now or timezone.now()
    if participation_type not in ParticipationType.values:
        raise ValidationError(
            {
                "participation_type": _("Unknown participation type “%(value)s”.")
                % {"value": participation_type}
            }
        )
    by_organiser = source in (RegistrationSource.IMPORT, RegistrationSource.STAFF)
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if not by_organiser:
            check_registration_open(event, now)
        elif event.status == EventStatus.CANCELLED:
            raise RegistrationClosed(_("This event is cancelled: registration is closed."))
        person = directory_match.match_person(email)
        if person is None:
            if not (first_name.strip() and last_name.strip()):
                raise ValidationError(
                    _("Give the first and last name of %(email)s, who is not yet in the directory.")
                    % {"email": email}
                )
            person = directory_match.find_or_create_person(
                email=email, first_name=first_name, last_name=last_name, phone=phone
            )
        organisation = None
        if organisation_name.strip() or website.strip():
            organisation = directory_match.find_or_create_organisation(
                name=organisation_name or website,
                country=country,
                website=website,
                participation_type=participation_type,
            )
            directory_match.affiliate(person=person, organisation=organisation, job_title=job_title)
        registration = Registration.objects.filter(event=event, person=person).first()
        if registration is not None and registration.status != S.CANCELLED:
            if registration.status == S.DECLINED:
                raise AlreadyRegistered(
                    _(
                        "%(email)s registered before and the organisers declined; contact them to discuss it."
                    )
                    % {"email": email}
                )
            raise AlreadyRegistered(
                _(
                    "%(email)s is already registered to this event (%(status)s); there is no need to register again."
                )
                % {"email": email, "status": registration.get_status_display()}
            )
        fill_from_waiting_list(event)
        if event.requires_approval and not by_organiser:
            status = S.PENDING
        elif _has_seat(event):
            status = S.CONFIRMED
        elif event.waiting_list:
            status = S.WAITLISTED
        else:
            raise EventFull(
                _("The event is full (%(capacity)s places) and has no waiting list.")
                % {"capacity": event.capacity}
            )
        registration = registration or Registration(event=event, person=person)
        registration.organisation = organisation
        registration.job_title = job_title.strip()
        registration.participation_type = participation_type
        registration.status = status
        registration.source = source
        registration.listed_publicly = listed_publicly
        registration.consent_at = now if (listed_publicly or public_directory) else None
        registration.waitlisted_at = now if status == S.WAITLISTED else None
        registration.decided_at = None if status == S.PENDING else now
        registration.registered_by = user if (user is not None and user.is_authenticated) else None
        registration.language = translation.get_language() or ""
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError as exc:  # the same person registering twice at the same instant
            raise AlreadyRegistered(
                _(
                    "%(email)s is already registered to this event; there is no need to register again."
                )
                % {"email": email}
            ) from exc
        by_person = (
            registration.registered_by is not None
            and user.email.lower() == person.email.lower()
            and person.user_id in (None, user.pk)
        )
        if by_person and person.user_id is None:
            person.user = user
            person.save(update_fields=["user", "updated_at"])
        if public_directory and (by_person or verified):
            record_consent(
                person=person,
                purpose=ConsentPurpose.PUBLIC_DIRECTORY,
                granted=True,
                how=ConsentMethod.SIGNED_IN if by_person else ConsentMethod.VERIFIED_LINK,
                text=consent_text(ConsentPurpose.PUBLIC_DIRECTORY),
                user=user if by_person else None,
            )
        if notify:
            _notify(registration, status)
    return registration


def _transition(registration: Registration, allowed: set, message: str) -> Registration:
    locked_event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.select_related("event", "person").get(pk=registration.pk)
    registration.event = locked_event
    if registration.status not in allowed:
        raise StatusConflict(message % {"status": registration.get_status_display()})
    return registration


def _end(registration: Registration, status, *, notice: str) -> Registration:
    """Cancel or decline: the seat it held, if any, goes to the first on the waiting list."""
    had_seat = registration.status == S.CONFIRMED
    registration.status, registration.decided_at = status, timezone.now()
    registration.save(update_fields=["status", "decided_at"])
    invitations.revoke(registration=registration)  # every invitation link sent stops working
    _notify(registration, notice)
    if had_seat:
        fill_from_waiting_list(registration.event)
    return registration


@transaction.atomic
def cancel_registration(*, registration: Registration) -> Registration:
    registration = _transition(
        registration,
        {S.PENDING, S.CONFIRMED, S.WAITLISTED},
        _("This registration cannot be cancelled: it is %(status)s."),
    )
    return _end(registration, S.CANCELLED, notice="cancelled")


@transaction.atomic
def approve_registration(*, registration: Registration) -> Registration:
    """Confirm a pending, waiting or declined registration; when full it joins the waiting list."""
    registration = _transition(
        registration,
        {S.PENDING, S.WAITLISTED, S.DECLINED},
        _(
            "Only a pending, waiting or declined registration can be approved; this one is %(status)s."
        ),
    )
    event = registration.event
    if _has_seat(event):
        registration.status = S.CONFIRMED
    elif registration.status == S.WAITLISTED or not event.waiting_list:
        raise EventFull(
            _(
                "The event is full (%(capacity)s places): raise the capacity or wait for a cancellation."
            )
            % {"capacity": event.capacity}
        )
    else:
        registration.status = S.WAITLISTED
        registration.waitlisted_at = timezone.now()
    registration.decided_at = timezone.now()
    registration.save(update_fields=["status", "decided_at", "waitlisted_at"])
    _notify(registration, registration.status)
    return registration


@transaction.atomic
def decline_registration(*, registration: Registration) -> Registration:
    registration = _transition(
        registration,
        {S.PENDING, S.CONFIRMED, S.WAITLISTED},
        _("Only an active registration can be declined; this one is %(status)s."),
    )
    return _end(registration, S.DECLINED, notice="declined")


@transaction.atomic
def waitlist_registration(*, registration: Registration) -> Registration:
    registration = _transition(
        registration,
        {S.PENDING, S.CONFIRMED, S.DECLINED},
        _(
            "Only a pending, confirmed or declined registration can be put on the waiting list; this one is %(status)s."
        ),
    )
    registration.status, registration.waitlisted_at = S.WAITLISTED, timezone.now()
    registration.decided_at = timezone.now()
    registration.save(update_fields=["status", "waitlisted_at", "decided_at"])
    _notify(registration, "waitlisted")
    return registration


def check_in(
    *, registration: Registration, by=None, now: dt.datetime | None = None
) -> Registration:
    """Mark a confirmed participant as arrived. Checking in twice keeps the first time."""
    if registration.status != S.CONFIRMED:
        raise StatusConflict(
            _("%(name)s cannot be checked in: the registration is %(status)s, not confirmed.")
            % {"name": registration.person, "status": registration.get_status_display()}
        )
    Registration.objects.filter(pk=registration.pk, checked_in_at__isnull=True).update(
        checked_in_at=now or timezone.now(),
        checked_in_by=by if by and by.is_authenticated else None,
    )
    registration.refresh_from_db(fields=["checked_in_at", "checked_in_by"])
    return registration


# --- e-mail ---------------------------------------------------------------------------------


def send_registration_notice(*, registration: Registration, notice: str) -> None:
    # Imported here as before the cycles were removed (see events.tasks): the mails of the
    # tests depend on when the notices module is loaded.
    from maillage.events import notices

    notices.send(registration=registration, notice=notice)


# --- import ---------------------------------------------------------------------------------


def import_registrants(
    *, event: Event, content: bytes, filename: str, by=None, notify: bool = False
) -> list[Registration]:
    """Register every row of a CSV or Excel file, all or nothing.

    Raises ``registrant_import.ImportRejected`` listing every bad row (number and reason).
    Already registered people are reported as errors rather than silently skipped.
    """
    rows = check_rows(read_table(content, filename))
    created, errors = [], []
    with transaction.atomic():
        for row in rows:
            try:
                with transaction.atomic():
                    created.append(
                        register(
                            event=event,
                            user=by,
                            source=RegistrationSource.IMPORT,
                            notify=notify,
                            **row.values,
                        )
                    )
            except ValidationError as exc:
                errors.append(RowError(row.number, " ".join(exc.messages)))
        if errors:  # raising inside the block rolls every row back
            raise ImportRejected(errors)
    return created
