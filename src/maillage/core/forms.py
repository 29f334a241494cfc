"""What every form of the platform shares."""

from __future__ import annotations

from django import forms


class StyledForm:
    """Bootstrap classes on every widget (mixed in before ``forms.Form``/``ModelForm``), so the
    templates render fields as they are. Radio buttons and checkbox lists keep their own markup."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                continue
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select | forms.SelectMultiple):
                css = "form-select"
            else:
                css = "form-control"
            classes = widget.attrs.get("class", "").split()
            if css not in classes:
                widget.attrs["class"] = " ".join([*classes, css])
