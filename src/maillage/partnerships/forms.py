"""Forms for agreements and delegations. They parse input; the rules live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.core.forms import StyledForm
from maillage.ecosystem.enums import OrganisationKind
from maillage.ecosystem.models import Organisation, Sector
from maillage.ecosystem.selectors import visible_people
from maillage.partnerships.enums import AgreementKind, CommitmentKind, FollowUpKind, PartyRole
from maillage.partnerships.models import Agreement, Delegation

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


K = OrganisationKind
# Kinds offered in choice lists: the organisations that sign agreements and host delegations.
# Companies and laboratories are left out (a directory may hold tens of thousands of them); the
# API accepts any organisation.
PARTNER_KINDS = [K.PARK, K.NETWORK, K.CLUSTER, K.INCUBATOR, K.PUBLIC_BODY, K.SCHOOL]


def partner_organisations():
    return Organisation.objects.filter(kind__in=PARTNER_KINDS).order_by("name")


def partner_people(user):
    """People working for those organisations that ``user`` may list (the directory's
    ``visible_people``, the API's selector too): signatories, delegation members, contacts."""
    return (
        visible_people(user)
        .filter(affiliations__organisation__kind__in=PARTNER_KINDS)
        .distinct()
        .order_by("last_name", "first_name")
    )


def keep_hidden(form, name: str, chosen):
    """People already on the record whom the editor may not see stay on it: they are not
    offered (nor named), and saving the form does not drop them."""
    if not form.instance.pk:
        return chosen
    shown = form.fields[name].queryset
    hidden = getattr(form.instance, name).exclude(pk__in=shown.values("pk"))
    return list(chosen) + list(hidden)


class AgreementForm(StyledForm, forms.ModelForm):
    domains = forms.ModelMultipleChoiceField(
        Sector.objects.all(),
        required=False,
        label=_("Domains"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    signatories = forms.ModelMultipleChoiceField(
        visible_people(None),
        required=False,
        label=_("Signatories"),
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )

    class Meta:
        model = Agreement
        fields = [
            "title",
            "kind",
            "status",
            "description",
            "signed_on",
            "starts_on",
            "ends_on",
            "remind_days_before",
            "place",
            "occasion",
            "is_public",
            "domains",
            "signatories",
        ]
        widgets = {
            "signed_on": DATE,
            "starts_on": DATE,
            "ends_on": DATE,
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signatories"].queryset = partner_people(user)
        if editing:
            del self.fields["status"]  # statuses move through their own buttons

    def clean_signatories(self):
        return keep_hidden(self, "signatories", self.cleaned_data["signatories"])


class PartyForm(StyledForm, forms.Form):
    organisation = forms.ModelChoiceField(
        partner_organisations(), required=False, label=_("Organisation")
    )
    role = forms.ChoiceField(
        choices=PartyRole.choices, initial=PartyRole.SIGNATORY, label=_("Role")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = partner_organisations()


PartyFormSet = forms.formset_factory(PartyForm, extra=0, min_num=4, max_num=12)


class CommitmentForm(StyledForm, forms.Form):
    action = forms.CharField(max_length=200, required=False, label=_("Action"))
    kind = forms.ChoiceField(
        choices=CommitmentKind.choices, initial=CommitmentKind.SEMINAR, label=_("Kind")
    )
    owner = forms.ModelChoiceField(partner_organisations(), required=False, label=_("Owner"))
    due_on = forms.DateField(required=False, label=_("Due on"), widget=DATE)

    def __init__(self, *args, owners=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners if owners is not None else partner_organisations()


CommitmentFormSet = forms.formset_factory(CommitmentForm, extra=0, min_num=3, max_num=20)


class StatusForm(StyledForm, forms.Form):
    status = forms.CharField()
    signed_on = forms.DateField(required=False, widget=DATE)


class DocumentForm(StyledForm, forms.Form):
    title = forms.CharField(max_length=200, required=False, label=_("Title"))
    file = forms.FileField(
        label=_("PDF file"), widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"})
    )


class NoteForm(StyledForm, forms.Form):
    body = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}))


class NetworkFilterForm(StyledForm, forms.Form):
    kind = forms.ChoiceField(
        required=False,
        label=_("Kind"),
        choices=[("", _("All")), *AgreementKind.choices, ("membership", _("Membership"))],
    )
    country = forms.CharField(
        required=False,
        max_length=2,
        label=_("Country"),
        widget=forms.TextInput(attrs={"placeholder": "FR", "size": 3}),
    )
    sector = forms.ModelChoiceField(
        Sector.objects.filter(parent__isnull=True), required=False, label=_("Sector")
    )
    year = forms.IntegerField(required=False, min_value=1900, max_value=2100, label=_("Year"))


class DelegationForm(StyledForm, forms.ModelForm):
    hosts = forms.ModelMultipleChoiceField(
        partner_organisations(),
        label=_("Host organisations"),
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    visitors = forms.ModelMultipleChoiceField(
        partner_organisations(),
        label=_("Visiting organisations"),
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    members = forms.ModelMultipleChoiceField(
        visible_people(None),
        required=False,
        label=_("Members"),
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )

    class Meta:
        model = Delegation
        fields = [
            "title",
            "direction",
            "purpose",
            "starts_on",
            "ends_on",
            "countries",
            "time_zone",
            "hosts",
            "visitors",
            "members",
        ]
        widgets = {"starts_on": DATE, "ends_on": DATE, "purpose": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hosts"].queryset = self.fields["visitors"].queryset = partner_organisations()
        self.fields["members"].queryset = partner_people(user)

    def clean_members(self):
        return keep_hidden(self, "members", self.cleaned_data["members"])


class VisitForm(StyledForm, forms.Form):
    organisation = forms.ModelChoiceField(
        partner_organisations(), required=False, label=_("Organisation visited")
    )
    place = forms.CharField(max_length=200, required=False, label=_("Place"))
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DATETIME)
    ends_at = forms.DateTimeField(label=_("Ends at"), widget=DATETIME)
    latitude = forms.FloatField(required=False, min_value=-90, max_value=90, label=_("Latitude"))
    longitude = forms.FloatField(
        required=False, min_value=-180, max_value=180, label=_("Longitude")
    )
    notes = forms.CharField(required=False, label=_("Notes"))


class ContactForm(StyledForm, forms.Form):
    person = forms.ModelChoiceField(visible_people(None), required=False, label=_("Person"))
    name = forms.CharField(max_length=200, required=False, label=_("Name"))
    organisation = forms.ModelChoiceField(
        partner_organisations(), required=False, label=_("Organisation")
    )
    notes = forms.CharField(required=False, label=_("Notes"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = partner_people(user)


class FollowUpForm(StyledForm, forms.Form):
    # A follow-up that led to a soft-landing application is recorded from the application's
    # page (soft landing links the two), so this form offers the other kinds.
    kind = forms.ChoiceField(
        choices=[c for c in FollowUpKind.choices if c[0] != FollowUpKind.APPLICATION],
        label=_("Led to"),
        help_text=_(
            "A follow-up that led to a soft-landing application is recorded on the "
            "application's page."
        ),
    )
    description = forms.CharField(max_length=300, label=_("Description"))
    agreement = forms.ModelChoiceField(
        Agreement.objects.none(), required=False, label=_("Agreement")
    )
    due_on = forms.DateField(required=False, label=_("Due on"), widget=DATE)

    def __init__(self, *args, agreements=None, **kwargs):
        super().__init__(*args, **kwargs)
        if agreements is not None:
            self.fields["agreement"].queryset = agreements
