"""Forms of events. Date-times are typed in the event's time zone (see ``ZonedFormMixin``)."""

from __future__ import annotations

import zoneinfo

import pycountry
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maillage.core.forms import StyledForm
from maillage.ecosystem.enums import OrganisationKind
from maillage.ecosystem.models import Organisation, Person
from maillage.ecosystem.rules import managed_organisation_ids
from maillage.events import services
from maillage.events.enums import ParticipationType
from maillage.events.models import Event, EventSeries, ProgrammeItem

HOST_KINDS = [
    OrganisationKind.PARK,
    OrganisationKind.NETWORK,
    OrganisationKind.CLUSTER,
    OrganisationKind.INCUBATOR,
    OrganisationKind.SCHOOL,
    OrganisationKind.LAB,
    OrganisationKind.PUBLIC_BODY,
]


def country_choices():
    return [("", "—")] + sorted(
        ((c.alpha_2, c.name) for c in pycountry.countries), key=lambda x: x[1]
    )


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class ZonedFormMixin:
    """Interpret and show date-times in the zone returned by ``zone_name()``."""

    def zone_name(self) -> str:
        raise NotImplementedError

    def full_clean(self):
        try:
            zone = zoneinfo.ZoneInfo(self.zone_name())
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone = timezone.get_current_timezone()
        with timezone.override(zone):
            super().full_clean()


class RegistrationForm(StyledForm, forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200)
    country = forms.ChoiceField(label=_("Country of the organisation"), choices=country_choices)
    website = forms.URLField(
        label=_("Website of the organisation"), required=False, assume_scheme="https"
    )
    job_title = forms.CharField(label=_("Job title"), max_length=150, required=False)
    participation_type = forms.ChoiceField(
        label=_("You come as"), choices=ParticipationType.choices, initial=ParticipationType.SME
    )
    listed_publicly = forms.BooleanField(
        label=_("Show my name and organisation in the list of participants"), required=False
    )
    public_directory = forms.BooleanField(
        label=_("Show me in the public directory of the ecosystem"), required=False
    )


class PersonalLinkForm(StyledForm, forms.Form):
    email = forms.EmailField(label=_("The e-mail address you registered with"))


class EventForm(StyledForm, ZonedFormMixin, forms.ModelForm):
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    new_series = forms.CharField(
        label=_("Or start a new series"),
        required=False,
        max_length=200,
        help_text=_("For a recurring format: name it once, then choose it for the next editions."),
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "kind",
            "is_public",
            "description",
            "series",
            "new_series",
            "edition_number",
            "organisers",
            "attendance_mode",
            "venue_organisation",
            "venue_name",
            "address",
            "city",
            "country",
            "latitude",
            "longitude",
            "online_url",
            "time_zone",
            "starts_at",
            "ends_at",
            "languages",
            "themes",
            "sectors",
            "capacity",
            "waiting_list",
            "requires_approval",
            "registration_opens_at",
            "registration_closes_at",
        ]
        widgets = {
            "starts_at": LocalDateTimeInput(),
            "ends_at": LocalDateTimeInput(),
            "registration_opens_at": LocalDateTimeInput(),
            "registration_closes_at": LocalDateTimeInput(),
            "description": forms.Textarea(attrs={"rows": 5}),
            "country": forms.Select(choices=country_choices()),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        own = list(user.staff_of.values_list("id", flat=True))
        hosts = Organisation.objects.filter(Q(kind__in=HOST_KINDS) | Q(id__in=own)).order_by("name")
        self.fields["organisers"].queryset = hosts
        self.fields["venue_organisation"].queryset = hosts
        self.fields["series"].queryset = EventSeries.objects.order_by("name")
        self.fields["time_zone"].widget = forms.Select(
            choices=[(z, z) for z in sorted(zoneinfo.available_timezones()) if "/" in z]
        )
        if self.instance.pk is None and own:
            self.initial.setdefault("organisers", own[:1])

    def zone_name(self) -> str:
        return self.data.get("time_zone") or self.instance.time_zone

    def clean_organisers(self):
        organisers = self.cleaned_data["organisers"]
        try:
            services.check_organisers(user=self.user, organisers=organisers)
        except ValidationError as exc:
            raise forms.ValidationError(exc.message_dict["organisers"]) from exc
        return organisers


class ProgrammeItemForm(StyledForm, ZonedFormMixin, forms.ModelForm):
    class Meta:
        model = ProgrammeItem
        fields = ["kind", "title", "starts_at", "ends_at", "room", "speakers", "description"]
        widgets = {
            "starts_at": LocalDateTimeInput(),
            "ends_at": LocalDateTimeInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, event, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        orgs = set(event.organisers.values_list("id", flat=True)) | managed_organisation_ids(user)
        speakers = (
            Person.objects.filter(
                Q(affiliations__organisation_id__in=orgs)
                | Q(programme_items__event=event)
                | Q(registrations__event=event)
            )
            .distinct()
            .order_by("last_name", "first_name")
        )
        self.fields["speakers"].queryset = speakers
        self.fields["speakers"].help_text = _(
            "People of the organisers' ecosystem and people registered to the event."
        )

    def zone_name(self) -> str:
        return self.event.time_zone


class ImportForm(StyledForm, forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (CSV or Excel)"),
        help_text=_(
            "Columns: email, first_name, last_name, organisation, country, website, job_title, participation_type."
        ),
    )


class CheckInSearchForm(StyledForm, forms.Form):
    q = forms.CharField(label=_("Name, e-mail or code"), required=False, max_length=200)
