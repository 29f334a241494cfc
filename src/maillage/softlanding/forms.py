"""Forms for soft landing. They parse input; the rules live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.core.forms import StyledForm
from maillage.ecosystem.enums import OrganisationKind
from maillage.ecosystem.models import Organisation, Sector
from maillage.partnerships.forms import DATE, partner_organisations
from maillage.partnerships.models import Delegation
from maillage.softlanding.enums import ExitOutcome, OutcomeMonth, Service, Stage
from maillage.softlanding.models import HostOffer, Programme


class ProgrammeForm(StyledForm, forms.ModelForm):
    organisers = forms.ModelMultipleChoiceField(
        Organisation.objects.none(),
        label=_("Organising parks"),
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    criteria = forms.CharField(
        required=False,
        label=_("Scoring grid"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One criterion per line as “name: weight”, e.g. “Team: 3”."),
    )

    class Meta:
        model = Programme
        fields = ["name", "description", "agreement", "organisers", "is_open"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, agreements=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisers"].queryset = partner_organisations()
        if agreements is not None:
            self.fields["agreement"].queryset = agreements
        if self.instance.pk:
            self.initial["criteria"] = "\n".join(
                f"{c.name}: {c.weight}" for c in self.instance.criteria.all()
            )

    def clean_criteria(self):
        pairs = []
        for line in self.cleaned_data["criteria"].splitlines():
            if not line.strip():
                continue
            name, _sep, weight = line.rpartition(":")
            if not name.strip() or not weight.strip().isdigit() or int(weight) < 1:
                raise forms.ValidationError(
                    _(
                        "Write each criterion as “name: weight” with a weight of 1 or more; "
                        "this line is not: %(line)s"
                    )
                    % {"line": line.strip()}
                )
            pairs.append((name.strip(), int(weight)))
        return pairs


class OfferForm(StyledForm, forms.ModelForm):
    services = forms.MultipleChoiceField(
        choices=Service.choices,
        required=False,
        label=_("Services"),
        widget=forms.CheckboxSelectMultiple,
    )
    sectors = forms.ModelMultipleChoiceField(
        Sector.objects.all(),
        required=False,
        label=_("Sectors"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    class Meta:
        model = HostOffer
        fields = [
            "host",
            "desks",
            "available_from",
            "available_until",
            "services",
            "sectors",
            "languages",
            "fees",
            "description",
        ]
        widgets = {
            "available_from": DATE,
            "available_until": DATE,
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = Organisation.objects.filter(
            kind__in=[OrganisationKind.PARK, OrganisationKind.INCUBATOR, OrganisationKind.CLUSTER]
        ).order_by("name")


class ApplicationForm(StyledForm, forms.Form):
    startup = forms.ModelChoiceField(Organisation.objects.none(), label=_("Startup"))
    home_park = forms.ModelChoiceField(
        Organisation.objects.none(), label=_("Home park (endorsing)")
    )
    target_countries = forms.CharField(
        required=False,
        max_length=100,
        label=_("Target countries"),
        help_text=_("ISO codes separated by commas, e.g. CN"),
    )
    sector = forms.ModelChoiceField(Sector.objects.all(), required=False, label=_("Sector"))
    stage = forms.ChoiceField(choices=Stage.choices, label=_("Stage"))
    goals = forms.CharField(
        required=False, label=_("Goals"), widget=forms.Textarea(attrs={"rows": 3})
    )
    needs = forms.MultipleChoiceField(
        choices=Service.choices,
        required=False,
        label=_("Services needed"),
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.CharField(
        required=False,
        max_length=60,
        label=_("Languages spoken"),
        help_text=_("Two-letter codes separated by commas, e.g. fr,en"),
    )
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE)
    ends_on = forms.DateField(label=_("Ends on"), widget=DATE)
    team_size = forms.IntegerField(min_value=1, max_value=50, initial=1, label=_("Team size"))
    pref_1 = forms.ModelChoiceField(
        HostOffer.objects.none(), required=False, label=_("1st preferred host")
    )
    pref_2 = forms.ModelChoiceField(
        HostOffer.objects.none(), required=False, label=_("2nd preferred host")
    )
    pref_3 = forms.ModelChoiceField(
        HostOffer.objects.none(), required=False, label=_("3rd preferred host")
    )
    pref_4 = forms.ModelChoiceField(
        HostOffer.objects.none(), required=False, label=_("4th preferred host")
    )
    pref_5 = forms.ModelChoiceField(
        HostOffer.objects.none(), required=False, label=_("5th preferred host")
    )

    def __init__(self, *args, programme, user, **kwargs):
        super().__init__(*args, **kwargs)
        own = (
            user.staff_of.all()
            if not user.is_superuser
            else Organisation.objects.filter(kind=OrganisationKind.PARK)
        )
        self.fields["home_park"].queryset = own.order_by("name")
        self.fields["startup"].queryset = (
            Organisation.objects.filter(kind__in=[OrganisationKind.COMPANY, OrganisationKind.LAB])
            .filter(host_park__in=own)
            .order_by("name")
            if not user.is_superuser
            else Organisation.objects.filter(kind=OrganisationKind.COMPANY).order_by("name")
        )
        for i in range(1, 6):
            self.fields[f"pref_{i}"].queryset = programme.offers.select_related("host")

    def preferences(self):
        return [
            self.cleaned_data[f"pref_{i}"]
            for i in range(1, 6)
            if self.cleaned_data.get(f"pref_{i}")
        ]


class MoveForm(StyledForm, forms.Form):
    to_status = forms.CharField()
    offer = forms.ModelChoiceField(HostOffer.objects.all(), required=False)
    exit_outcome = forms.ChoiceField(choices=[("", "—"), *ExitOutcome.choices], required=False)
    note = forms.CharField(required=False, max_length=300)


class OutcomeForm(StyledForm, forms.Form):
    months = forms.TypedChoiceField(choices=OutcomeMonth.choices, coerce=int, label=_("After"))
    local_entity_created = forms.BooleanField(required=False, label=_("Local entity created"))
    jobs = forms.IntegerField(min_value=0, initial=0, label=_("Jobs created"))
    contracts = forms.IntegerField(min_value=0, initial=0, label=_("Contracts signed"))
    funds_raised = forms.DecimalField(
        min_value=0, initial=0, max_digits=14, decimal_places=2, label=_("Funds raised (EUR)")
    )
    notes = forms.CharField(
        required=False, label=_("Notes"), widget=forms.Textarea(attrs={"rows": 2})
    )


class FollowUpForm(StyledForm, forms.Form):
    """The delegation follow-up that led to this application (recorded from its page)."""

    delegation = forms.ModelChoiceField(Delegation.objects.none(), label=_("Delegation"))
    description = forms.CharField(max_length=300, label=_("Description"))
    due_on = forms.DateField(required=False, label=_("Due on"), widget=DATE)

    def __init__(self, *args, delegations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if delegations is not None:
            self.fields["delegation"].queryset = delegations
