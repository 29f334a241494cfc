"""Forms of the account pages: the participant's profile and new API tokens."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.accounts.services import PROFILE_FIELDS


class ProfileForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    languages = forms.RegexField(
        label=_("Languages"),
        max_length=60,
        required=False,
        regex=r"^\s*([a-zA-Z]{2}\s*(,\s*|$))*$",
        help_text=_("ISO 639-1 codes separated by commas, e.g. fr,en"),
        error_messages={
            "invalid": _("Write two-letter language codes separated by commas, e.g. fr,en.")
        },
    )
    bio = forms.CharField(
        label=_("About you"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    public_consent = forms.BooleanField(
        label=_("Show my name and biography in the public directory"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            css = "form-check-input" if name == "public_consent" else "form-control"
            field.widget.attrs.setdefault("class", css)

    def clean_languages(self):
        value = self.cleaned_data["languages"]
        return ",".join(part.strip().lower() for part in value.split(",") if part.strip())

    def profile_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in PROFILE_FIELDS}


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, e.g. “nightly CRM sync”."),
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )


class SignInLinkForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    next = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)
