"""Forms of the privacy pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.core.forms import StyledForm


class EraseMyDataForm(StyledForm, forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand: my account is closed and my name, contacts and texts are erased."),
        error_messages={"required": _("Tick the box to confirm that you want your data erased.")},
    )


class FindPersonForm(StyledForm, forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person who asked"))


class StaffRequestForm(StyledForm, forms.Form):
    reason = forms.CharField(
        label=_("How the person asked"),
        max_length=500,
        help_text=_("E.g. “e-mail of 3 May to the park's office”; kept in the log."),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Say how the person asked: it is kept in the log.")},
    )


class StaffEraseForm(StaffRequestForm):
    confirm = forms.BooleanField(
        label=_("Erase this person's data now (it cannot be undone)."),
        error_messages={"required": _("Tick the box to confirm the erasure.")},
    )
