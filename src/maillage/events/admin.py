"""Django admin for events, for platform admins only (see maillage.core.admin). Events are added
and changed through the events services (an event needs an organiser, an edition a series…);
registrations, series and programmes are shown here and changed from the organisers' pages,
where notices, waiting lists and check-in follow their rules."""

from __future__ import annotations

from django.contrib import admin

from maillage.core.admin import ReadOnlyAdmin, ReadOnlyInline, ServiceAdmin
from maillage.events import services
from maillage.events.models import Event, EventSeries, ProgrammeItem, Registration


class ProgrammeItemInline(ReadOnlyInline, admin.TabularInline):
    model = ProgrammeItem
    fields = ["kind", "title", "starts_at", "ends_at", "room"]


@admin.register(EventSeries)
class EventSeriesAdmin(ReadOnlyAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]


@admin.register(Event)
class EventAdmin(ServiceAdmin):
    list_display = ["title", "kind", "status", "is_public", "starts_at", "time_zone", "capacity"]
    list_filter = ["kind", "status", "is_public", "attendance_mode"]
    search_fields = ["title", "city"]
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["organisers", "venue_organisation"]
    filter_horizontal = ["sectors"]
    date_hierarchy = "starts_at"
    inlines = [ProgrammeItemInline]
    exclude = ["created_by"]

    def write(self, request, obj, data, change):
        if change:
            return services.update_event(event=obj, **data)
        return services.create_event(created_by=request.user, **data)


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdmin):
    list_display = [
        "person",
        "organisation",
        "event",
        "status",
        "participation_type",
        "checked_in_at",
    ]
    list_filter = ["status", "participation_type", "source"]
    search_fields = ["person__last_name", "person__email", "organisation__name", "event__title"]
    list_select_related = ["person", "organisation", "event"]
    exclude = ["token"]
