"""Forms of the directory pages: the search filters and the staff edit form."""

from __future__ import annotations

from html import escape

from django import forms
from django.core.exceptions import ValidationError
from django.utils.safestring import mark_safe
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


def _render_options(pairs, current: str) -> str:
    # Plain escaping: per-option format_html() would cost several milliseconds per page.
    html = []
    for value, label in pairs:
        selected = " selected" if value == current else ""
        html.append(f'<option value="{escape(str(value))}"{selected}>{escape(str(label))}</option>')
    return mark_safe("".join(html))  # every value and label is escaped above


class DirectoryForm(forms.Form):
    """The directory's search box and filters, read from the query string.

    The filters are plain text fields checked against option lists loaded once per request:
    ChoiceField would normalise ~700 choices again on every page, and its widgets would render
    them through the template engine, which costs more than the search itself."""

    FILTERS = ("kind", "sector", "country", "park", "network")

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.CharField(label=_("Kind"), required=False, max_length=20)
    sector = forms.CharField(label=_("Sector"), required=False, max_length=64)
    country = forms.CharField(label=_("Country"), required=False, max_length=2)
    park = forms.CharField(label=_("Park"), required=False, max_length=220)
    network = forms.CharField(label=_("Network"), required=False, max_length=220)
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.options = {
            "kind": list(OrganisationKind.choices),
            "sector": [
                (s.code, f"— {s.name}" if s.parent_id else s.name) for s in selectors.sectors()
            ],
            "country": country_choices(),
            "park": list(selectors.parks().values_list("slug", "name")),
            "network": list(selectors.networks().values_list("slug", "name")),
        }

    def _known(self, name: str) -> str:
        value = self.cleaned_data.get(name) or ""
        if name == "country":
            value = value.upper()
        if value and value not in {code for code, _label in self.options[name]}:
            raise ValidationError(
                _("“%(value)s” is not in the list; choose one of the list."),
                params={"value": value},
            )
        return value

    def clean_kind(self):
        return self._known("kind")

    def clean_sector(self):
        return self._known("sector")

    def clean_country(self):
        return self._known("country")

    def clean_park(self):
        return self._known("park")

    def clean_network(self):
        return self._known("network")

    def directory_query(self) -> selectors.DirectoryQuery:
        """The search asked for; a filter with a value we do not know is left out (and shown)."""
        self.is_valid()
        data = dict(self.cleaned_data)
        if "q" in self.errors:
            # Too long to be a search: keep it, so the result is empty rather than everything.
            data["q"] = str(self.data.get("q", ""))
        return selectors.DirectoryQuery(
            **{name: data.get(name) or "" for name in ("q", *self.FILTERS)}
        )

    def filter_selects(self) -> list[dict]:
        """The filter lists with their options rendered in one pass."""
        selects = []
        for name in self.FILTERS:
            bound = self[name]
            current = str(self.data.get(name, "") or "")
            options = _render_options([("", _("All")), *self.options[name]], current)
            selects.append(
                {
                    "name": name,
                    "id": bound.id_for_label,
                    "label": bound.label,
                    "errors": bound.errors,
                    "options": options,
                }
            )
        return selects

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


class CompanyPageForm(forms.ModelForm):
    """What an organisation's own people edit on its page (ecosystem.claims.PAGE_FIELDS)."""

    class Meta:
        model = Organisation
        fields = [
            "description_en",
            "description_fr",
            "aliases",
            "city",
            "address",
            "sectors",
            "size_band",
            "founded_year",
        ]
        widgets = OrganisationForm.Meta.widgets

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"].queryset = Sector.objects.select_related("parent").order_by(
            "parent__name_en", "name_en"
        )
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.Select | forms.SelectMultiple):
                widget.attrs.setdefault("class", "form-select")
            else:
                widget.attrs.setdefault("class", "form-control")

    def changed_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.changed_data}


class ClaimForm(forms.Form):
    message = forms.CharField(
        label=_("Your role in the organisation (for the park's staff)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
    )
