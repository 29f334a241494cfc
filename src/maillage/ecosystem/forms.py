"""Forms of the directory pages: the search filters and the staff edit form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.ecosystem import selectors
from maillage.ecosystem.countries import country_choices
from maillage.ecosystem.enums import OrganisationKind
from maillage.ecosystem.models import Organisation, Sector
from maillage.ecosystem.rules import managed_organisation_ids

EDITABLE_FIELDS = [
    "name",
    "aliases",
    "kind",
    "subtype",
    "description_en",
    "description_fr",
    "website",
    "country",
    "city",
    "address",
    "latitude",
    "longitude",
    "parent",
    "host_park",
    "sectors",
    "size_band",
    "founded_year",
]


class DirectoryForm(forms.Form):
    """The directory's search box and filters, read from the query string."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    park = forms.ChoiceField(label=_("Park"), required=False)
    network = forms.ChoiceField(label=_("Network"), required=False)
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", _("All"))]
        self.fields["kind"].choices = anything + list(OrganisationKind.choices)
        self.fields["sector"].choices = anything + [
            (s.code, f"— {s.name}" if s.parent_id else s.name) for s in selectors.sectors()
        ]
        self.fields["country"].choices = anything + country_choices()
        self.fields["park"].choices = anything + list(selectors.parks().values_list("slug", "name"))
        self.fields["network"].choices = anything + list(
            selectors.networks().values_list("slug", "name")
        )

    def directory_query(self) -> selectors.DirectoryQuery:
        """The search asked for; a filter with a value we do not know is left out (and shown)."""
        self.is_valid()
        data = self.cleaned_data
        return selectors.DirectoryQuery(
            **{
                name: data.get(name) or ""
                for name in ("q", "kind", "sector", "country", "park", "network")
            }
        )

    @property
    def page_number(self) -> int:
        self.is_valid()
        return self.cleaned_data.get("page") or 1


class SlugChoiceField(forms.ModelChoiceField):
    """Chooses an organisation among many by its slug (a list of 100,000 options is unusable)."""

    widget = forms.TextInput

    def __init__(self, **kwargs):
        super().__init__(queryset=Organisation.objects.all(), to_field_name="slug", **kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            return Organisation.objects.filter(pk=value).values_list("slug", flat=True).first()
        return super().prepare_value(value)


class OrganisationForm(forms.ModelForm):
    """What park and network staff edit; saving goes through ecosystem.services."""

    country = forms.ChoiceField(label=_("Country"))
    website = forms.URLField(
        label=_("Website"), required=False, max_length=200, assume_scheme="https"
    )
    parent = SlugChoiceField(
        label=_("Parent organisation"),
        required=False,
        help_text=_("The address name (slug) of the parent, as in /directory/<slug>/."),
    )

    class Meta:
        model = Organisation
        fields = EDITABLE_FIELDS
        widgets = {
            "aliases": forms.Textarea(attrs={"rows": 2}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
            "description_fr": forms.Textarea(attrs={"rows": 4}),
            "sectors": forms.SelectMultiple(attrs={"size": 10}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—")] + country_choices()
        self.fields["sectors"].queryset = Sector.objects.select_related("parent").order_by(
            "parent__name_en", "name_en"
        )
        parks = selectors.parks()
        if not user.is_superuser:
            # Staff may only place an organisation in a park they manage.
            allowed = managed_organisation_ids(user)
            if self.instance.pk and self.instance.host_park_id:
                allowed = allowed | {self.instance.host_park_id}
            parks = parks.filter(pk__in=allowed)
        self.fields["host_park"].queryset = parks
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.Select | forms.SelectMultiple):
                widget.attrs.setdefault("class", "form-select")
            elif not isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "form-control")

    def clean_country(self):
        return self.cleaned_data["country"].upper()

    def changed_fields(self) -> dict:
        """The cleaned values of the fields that changed (all of them for a new organisation)."""
        names = EDITABLE_FIELDS if self.instance.pk is None else self.changed_data
        return {name: self.cleaned_data[name] for name in names if name in self.cleaned_data}
