"""Django admin for matchmaking, for platform admins only (see maillage.core.admin): sessions,
participants, schedules and meetings are shown here and changed from the organisers' pages,
where a published schedule changes only through its release."""

from django.contrib import admin

from maillage.core.admin import ReadOnlyAdmin, ReadOnlyInline
from maillage.matchmaking.models import (
    Feedback,
    Meeting,
    MeetingRequest,
    MeetingSession,
    OnlineRoom,
    Opportunity,
    Participant,
    Schedule,
    ScheduleRun,
    Table,
    Wish,
)


class TableInline(ReadOnlyInline, admin.TabularInline):
    model = Table
    extra = 0
    raw_id_fields = ["reserved_for"]


class OnlineRoomInline(ReadOnlyInline, admin.TabularInline):
    model = OnlineRoom
    extra = 0


@admin.register(MeetingSession)
class MeetingSessionAdmin(ReadOnlyAdmin):
    list_display = ["name", "event", "slot_minutes", "wish_deadline"]
    search_fields = ["name", "event__title"]
    inlines = [TableInline, OnlineRoomInline]


@admin.register(Participant)
class ParticipantAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "session", "mode", "max_meetings", "absent_from_slot"]
    list_filter = ["mode"]
    search_fields = ["registration__person__last_name", "registration__organisation__name"]
    raw_id_fields = ["registration", "absent_from_slot"]
    filter_horizontal = ["unavailable_slots"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_people()


@admin.register(Schedule)
class ScheduleAdmin(ReadOnlyAdmin):
    list_display = ["session", "version", "status", "published_at", "published_by"]
    list_filter = ["status"]


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = [
        "schedule",
        "slot",
        "table",
        "room",
        "participant_a",
        "participant_b",
        "source",
        "locked",
        "status",
    ]
    list_filter = ["status", "source", "locked"]
    raw_id_fields = [
        "participant_a",
        "participant_b",
        "slot",
        "table",
        "room",
        "request",
        "schedule",
    ]


@admin.register(ScheduleRun)
class ScheduleRunAdmin(ReadOnlyAdmin):
    list_display = ["session", "status", "started_by", "created_at", "finished_at"]
    list_filter = ["status"]
    readonly_fields = ["progress", "result", "error", "task_id"]


admin.site.register([MeetingRequest, Wish, Opportunity, Feedback], ReadOnlyAdmin)
