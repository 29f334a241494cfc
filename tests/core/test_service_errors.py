"""A service's refusal shows on the page's form: on the field it names, else above the form."""

from django import forms
from django.core.exceptions import ValidationError

from maillage.core.forms import add_service_errors


class NameForm(forms.Form):
    name = forms.CharField()


def bound():
    form = NameForm({"name": "Genopole"})
    assert form.is_valid()
    return form


def test_an_error_on_a_field_of_the_form_shows_on_that_field():
    form = bound()
    add_service_errors(form, ValidationError({"name": "This name is taken."}))
    assert form.errors == {"name": ["This name is taken."]}


def test_an_error_on_a_field_the_form_lacks_shows_above_the_form():
    form = bound()
    add_service_errors(form, ValidationError({"country": "Unknown country.", "name": "Taken."}))
    assert form.non_field_errors() == ["Unknown country."]
    assert form.errors["name"] == ["Taken."]


def test_a_plain_error_shows_above_the_form():
    form = bound()
    add_service_errors(form, ValidationError(["Registrations are closed.", "Ask the organiser."]))
    assert form.non_field_errors() == ["Registrations are closed.", "Ask the organiser."]
    assert not form.is_valid()
