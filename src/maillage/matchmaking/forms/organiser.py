"""Forms of the organiser's scheduling pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.events.enums import ParticipationType
from maillage.matchmaking.models import MeetingSession, Participant
from maillage.matchmaking.services import sessions


class SessionForm(forms.ModelForm):
    class Meta:
        model = MeetingSession
        fields = list(sessions.SETTINGS)  # the settings the service lets an organiser change
        widgets = {"wish_deadline": forms.DateTimeInput(attrs={"type": "datetime-local"})}


class DayForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    starts_at = forms.TimeField(
        label=_("Meetings start"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    ends_at = forms.TimeField(
        label=_("Meetings end"), widget=forms.TimeInput(attrs={"type": "time"})
    )


class BreakForm(forms.Form):
    day = forms.ModelChoiceField(label=_("Day"), queryset=None)
    starts_at = forms.TimeField(
        label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    ends_at = forms.TimeField(label=_("Ends at"), widget=forms.TimeInput(attrs={"type": "time"}))
    label = forms.CharField(label=_("Label"), required=False, max_length=100)

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].queryset = session.days.all()


class TablesForm(forms.Form):
    count = forms.IntegerField(label=_("Number of tables"), min_value=0, max_value=2000)


class RoomForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    video_url = forms.URLField(label=_("Video link"), assume_scheme="https")


class RuleForm(forms.Form):
    type_a = forms.ChoiceField(label=_("Type A"), choices=ParticipationType.choices)
    type_b = forms.ChoiceField(label=_("Type B"), choices=ParticipationType.choices)
    may_meet = forms.BooleanField(label=_("May meet"), required=False)


class TypeLimitForm(forms.Form):
    participation_type = forms.ChoiceField(
        label=_("Participation type"), choices=ParticipationType.choices
    )
    max_meetings = forms.IntegerField(
        label=_("Maximum meetings"), min_value=0, required=False, help_text=_("Empty: no limit.")
    )


class RunForm(forms.Form):
    time_limit = forms.IntegerField(
        label=_("Time limit (seconds)"), min_value=1, max_value=3600, initial=60
    )


class PublishForm(forms.Form):
    name = forms.CharField(label=_("Version name"), required=False, max_length=200)
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class PlaceForm(forms.Form):
    """Where a meeting goes: a slot and a table or an online room of the session."""

    slot = forms.ModelChoiceField(label=_("Slot"), queryset=None)
    table = forms.ModelChoiceField(label=_("Table"), queryset=None, required=False)
    room = forms.ModelChoiceField(label=_("Online room"), queryset=None, required=False)

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = session.slots.select_related("session__event").order_by(
            "index"
        )
        self.fields["table"].queryset = session.tables.order_by("number")
        self.fields["room"].queryset = session.online_rooms.all()
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select form-select-sm"


class AddMeetingForm(PlaceForm):
    first = forms.ModelChoiceField(label=_("Participant"), queryset=None)
    second = forms.ModelChoiceField(label=_("Meets"), queryset=None)
    field_order = ["first", "second", "slot", "table", "room"]

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, session=session, **kwargs)
        people = session.participants.with_people().order_by("registration__person__last_name")
        self.fields["first"].queryset = people
        self.fields["second"].queryset = people
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select form-select-sm"


class AbsentForm(forms.Form):
    participant = forms.ModelChoiceField(label=_("Participant"), queryset=None)
    from_slot = forms.ModelChoiceField(label=_("Absent from"), queryset=None)

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].queryset = session.participants.with_people()
        self.fields["from_slot"].queryset = session.slots.select_related("session__event").order_by(
            "index"
        )


class ParticipantSettingsForm(forms.ModelForm):
    class Meta:
        model = Participant
        fields = ["mode", "max_meetings", "unavailable_slots"]
        widgets = {"unavailable_slots": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unavailable_slots"].queryset = self.instance.session.slots.select_related(
            "session__event"
        ).order_by("index")
