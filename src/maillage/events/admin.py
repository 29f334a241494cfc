from django.contrib import admin

from maillage.events.models import Event, EventSeries, ProgrammeItem, Registration


class ProgrammeItemInline(admin.TabularInline):
    model = ProgrammeItem
    extra = 0
    raw_id_fields = ["speakers"]


@admin.register(EventSeries)
class EventSeriesAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["organisers"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "is_public", "starts_at", "time_zone", "capacity"]
    list_filter = ["kind", "status", "is_public", "attendance_mode"]
    search_fields = ["title", "city"]
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["organisers", "venue_organisation"]
    filter_horizontal = ["sectors"]
    date_hierarchy = "starts_at"
    inlines = [ProgrammeItemInline]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = [
        "person",
        "organisation",
        "event",
        "status",
        "participation_type",
        "checked_in_at",
    ]
    list_filter = ["status", "participation_type", "source"]
    search_fields = [
        "person__last_name",
        "person__email",
        "organisation__name",
        "event__title",
        "token",
    ]
    raw_id_fields = ["person", "organisation", "event", "registered_by", "checked_in_by"]
    list_select_related = ["person", "organisation", "event"]
