"""Django admin for soft landing, for platform admins only (see maillage.core.admin): shown here,
changed from the programme pages and the API, where the pipeline's transitions, desk capacity
and the organisers' checks apply."""

from __future__ import annotations

from django.contrib import admin

from maillage.core.admin import ReadOnlyAdmin, ReadOnlyInline
from maillage.softlanding.models import (
    Application,
    HostOffer,
    Outcome,
    PreferredHost,
    Programme,
    Score,
    ScreeningCriterion,
    StatusChange,
)


class OfferInline(ReadOnlyInline, admin.TabularInline):
    model = HostOffer
    fields = ["host", "desks", "available_from", "available_until", "languages", "fees"]


class CriterionInline(ReadOnlyInline, admin.TabularInline):
    model = ScreeningCriterion


@admin.register(Programme)
class ProgrammeAdmin(ReadOnlyAdmin):
    list_display = ["name", "agreement", "is_open"]
    inlines = [OfferInline, CriterionInline]


class PreferenceInline(ReadOnlyInline, admin.TabularInline):
    model = PreferredHost


class ScoreInline(ReadOnlyInline, admin.TabularInline):
    model = Score


class OutcomeInline(ReadOnlyInline, admin.TabularInline):
    model = Outcome


class HistoryInline(ReadOnlyInline, admin.TabularInline):
    model = StatusChange
    fields = ["from_status", "to_status", "by", "at", "note"]


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = [
        "startup",
        "programme",
        "home_park",
        "status",
        "assigned_offer",
        "starts_on",
        "ends_on",
    ]
    list_filter = ["status", "programme"]
    search_fields = ["startup__name"]
    inlines = [PreferenceInline, ScoreInline, HistoryInline, OutcomeInline]
