"""Forms of the yearly report: which report to open, and the staff's paragraphs."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from maillage.core.forms import StyledForm
from maillage.ecosystem.models import Organisation
from maillage.reports.models import SECTIONS, ReportLanguage, YearlyReport
from maillage.reports.yearly import services as yearly
from maillage.reports.yearly.selectors import writable_organisations


class StartForm(StyledForm, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Park or network"),
        queryset=Organisation.objects.none(),
        error_messages={
            "invalid_choice": _("Choose a park or network you work for."),
            "required": _("Choose the park or network the report is about."),
        },
    )
    year = forms.IntegerField(
        label=_("Year"),
        error_messages={
            "invalid": _("The year is a number such as 2025."),
            "required": _("Give the year the report covers."),
        },
    )
    language = forms.ChoiceField(
        label=_("Language of the report"),
        choices=ReportLanguage.choices,
        help_text=_("Independent of the language of these pages."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = writable_organisations(user)

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        yearly.check_year(year)
        return year


class ParagraphsForm(forms.ModelForm):
    clear_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    class Meta:
        model = YearlyReport
        fields = ["logo", *yearly.PARAGRAPH_FIELDS]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in yearly.PARAGRAPH_FIELDS}
        widgets["introduction"] = forms.Textarea(attrs={"rows": 6})
        labels = {f"{key}_text": label for key, label in SECTIONS}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["logo"].widget = forms.FileInput(attrs={"accept": "image/png,image/jpeg"})
        for name in yearly.PARAGRAPH_FIELDS:
            self.fields[name].max_length = yearly.MAX_PARAGRAPH
            self.fields[name].widget.attrs["maxlength"] = yearly.MAX_PARAGRAPH
        self.fields["introduction"].help_text = _(
            "Plain text; leave a blank line between paragraphs. Printed before the figures."
        )

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and logo is not getattr(self.instance, "logo", None) and hasattr(logo, "image"):
            try:
                yearly.check_logo(logo)
            except ValidationError as exc:
                raise ValidationError(exc.message_dict["logo"]) from exc
        return logo

    def service_arguments(self) -> dict:
        data = {name: self.cleaned_data[name] for name in yearly.PARAGRAPH_FIELDS}
        logo = self.cleaned_data.get("logo")
        data["logo"] = logo if logo and "logo" in self.files else None
        data["clear_logo"] = self.cleaned_data.get("clear_logo", False)
        return data
