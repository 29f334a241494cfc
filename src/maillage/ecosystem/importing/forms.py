"""Forms of the import pages: the upload, and the column mapping."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.ecosystem.importing.files import MAX_BYTES, ImportFileError, check_upload
from maillage.ecosystem.importing.organisations import FIELDS


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_(
            "CSV (separated by ; or ,) or Excel .xlsx, 20 MB at most; the first row holds "
            "the column names."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_upload(upload.name, upload.size)
        except ImportFileError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return upload


class MappingForm(forms.Form):
    valid_only = forms.BooleanField(
        label=_("Import the valid rows only"),
        required=False,
        help_text=_("Otherwise nothing is imported while a row is wrong."),
    )

    def __init__(self, *args, headers: list[str], initial_mapping: dict[str, int | None], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("— not imported —"))] + [
            (str(i), header or _("column %(n)d") % {"n": i + 1}) for i, header in enumerate(headers)
        ]
        for target in FIELDS:
            current = initial_mapping.get(target.name)
            self.fields[f"map_{target.name}"] = forms.ChoiceField(
                label=target.label,
                choices=choices,
                required=False,
                initial="" if current is None else str(current),
            )

    def mapping_fields(self):
        return [self[f"map_{t.name}"] for t in FIELDS]

    def mapping(self) -> dict[str, int | None]:
        return {
            t.name: (int(v) if (v := self.cleaned_data.get(f"map_{t.name}")) else None)
            for t in FIELDS
        }


__all__ = ["MAX_BYTES", "MappingForm", "UploadForm"]
