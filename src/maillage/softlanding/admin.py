from django.contrib import admin

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


class OfferInline(admin.TabularInline):
    model = HostOffer
    extra = 0
    fields = ["host", "desks", "available_from", "available_until", "languages", "fees"]


class CriterionInline(admin.TabularInline):
    model = ScreeningCriterion
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "agreement", "is_open"]
    filter_horizontal = ["organisers"]
    inlines = [OfferInline, CriterionInline]


class PreferenceInline(admin.TabularInline):
    model = PreferredHost
    extra = 0


class ScoreInline(admin.TabularInline):
    model = Score
    extra = 0


class OutcomeInline(admin.TabularInline):
    model = Outcome
    extra = 0


class HistoryInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    readonly_fields = ["from_status", "to_status", "by", "at", "note"]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
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
