"""Forms of the news pages: adding a source, correcting a proposal before accepting it."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.core.forms import StyledForm
from maillage.ecosystem.models import Organisation
from maillage.news.documents import MAX_UPLOAD_BYTES, SUFFIXES
from maillage.news.enums import SourceKind


class SourceForm(StyledForm, forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), label=_("Park or network")
    )
    kind = forms.ChoiceField(choices=SourceKind.choices, label=_("Kind"))
    name = forms.CharField(max_length=200, label=_("Name"))
    url = forms.CharField(required=False, max_length=500, label=_("Address (feed or page)"))
    text = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 8}), label=_("Pasted text")
    )
    file = forms.FileField(required=False, label=_("File (.txt, .html, .pdf, .docx)"))

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if (
            kind in (SourceKind.FEED, SourceKind.PAGE)
            and not data.get("url")
            and not data.get("file")
        ):
            self.add_error(
                "url", _("Give the address of the feed or page (or upload the saved page).")
            )
        if kind == SourceKind.PASTED and not (data.get("text") or "").strip():
            self.add_error("text", _("Paste the article's text."))
        url = (data.get("url") or "").strip()
        if url and not url.lower().startswith(("http://", "https://")):
            # file:// and other schemes would read the server's own files: only the demo and
            # the tests use them, through the services.
            self.add_error("url", _("Give a web address starting with http:// or https://."))
        upload = data.get("file")
        if kind == SourceKind.UPLOAD and not upload:
            self.add_error("file", _("Choose a file to upload."))
        if upload is not None:
            if upload.size > MAX_UPLOAD_BYTES:
                self.add_error(
                    "file",
                    _(
                        "This file is %(size)d MB; the limit is %(limit)d MB. "
                        "Split it or paste the article's text."
                    )
                    % {"size": upload.size // 2**20, "limit": MAX_UPLOAD_BYTES // 2**20},
                )
            elif not upload.name.lower().endswith(SUFFIXES):
                self.add_error("file", _("Upload a .txt, .html, .pdf or .docx file."))
        return data


class ProposalEditForm(StyledForm, forms.Form):
    """Every field of a proposal's payload as text; lists one item per line."""

    LISTS = ("parties", "organisers")
    LABELS = {
        "name": _("Name"),
        "kind": _("Kind"),
        "country": _("Country (ISO code such as FR)"),
        "city": _("City"),
        "parties": _("Parties (one per line)"),
        "date": _("Date (YYYY-MM-DD)"),
        "place": _("Place"),
        "start": _("Starts on (YYYY-MM-DD)"),
        "end": _("Ends on (YYYY-MM-DD)"),
        "organisers": _("Organisers (one per line)"),
        "from": _("From"),
        "to": _("To"),
    }
    EDITABLE = (
        "name",
        "kind",
        "country",
        "city",
        "parties",
        "date",
        "place",
        "start",
        "end",
        "organisers",
        "from",
        "to",
    )

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        for key in self.EDITABLE:
            if key not in proposal.payload:
                continue
            value = proposal.payload[key]
            if key in self.LISTS:
                self.fields[key] = forms.CharField(
                    label=self.LABELS[key],
                    widget=forms.Textarea(attrs={"rows": 3}),
                    initial="\n".join(value),
                )
            else:
                self.fields[key] = forms.CharField(
                    label=self.LABELS[key],
                    required=key not in ("country", "city", "date", "place", "end"),
                    initial=value,
                )

    def payload(self) -> dict:
        data = {}
        for key, value in self.cleaned_data.items():
            data[key] = (
                [v.strip() for v in value.splitlines() if v.strip()]
                if key in self.LISTS
                else value.strip()
            )
        return data
