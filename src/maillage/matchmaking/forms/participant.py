"""Forms of the participant pages: marketplace, reactions, filters and meeting feedback."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.core.forms import StyledForm
from maillage.ecosystem.models import Sector
from maillage.matchmaking.enums import FeedbackOutcome, OpportunityCategory, OpportunityKind
from maillage.matchmaking.models import Opportunity


class OpportunityForm(StyledForm, forms.ModelForm):
    class Meta:
        model = Opportunity
        fields = ["kind", "category", "title", "description", "sectors", "keywords", "is_public"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "sectors": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"].queryset = Sector.objects.select_related("parent").order_by(
            "parent__name_en", "name_en"
        )
        self.fields["title"].help_text = _(
            "In a few words, e.g. “Anti-soiling coatings for solar panels”."
        )
        self.fields["sectors"].required = False

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["sectors"] = list(data.get("sectors") or [])
        return data


class ReactionForm(StyledForm, forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Say who you are and why this interests you."),
    )


class FilterForm(StyledForm, forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(
        label=_("Offers or requests"),
        required=False,
        choices=[("", _("Offers and requests"))] + list(OpportunityKind.choices),
    )
    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        choices=[("", _("All categories"))] + list(OpportunityCategory.choices),
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False)

    def __init__(self, *args, sectors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [("", _("All sectors"))] + [
            (s.code, s.name) for s in sectors
        ]


class FeedbackForm(StyledForm, forms.Form):
    took_place = forms.TypedChoiceField(
        label=_("Did the meeting take place?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    outcome = forms.ChoiceField(label=_("Outcome"), choices=FeedbackOutcome.choices)
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
