from django.contrib import admin

from maillage.reports.models import YearlyReport


@admin.register(YearlyReport)
class YearlyReportAdmin(admin.ModelAdmin):
    list_display = ["organisation", "year", "language", "status", "edited_at", "generated_at"]
    list_filter = ["language", "status", "year"]
    search_fields = ["organisation__name"]
    raw_id_fields = ["organisation", "edited_by", "generated_by"]
    # The PDF and its generation are the worker's: the admin shows them, never edits them.
    readonly_fields = [
        "status",
        "pdf",
        "generated_by",
        "generated_at",
        "generation",
        "generation_requested_at",
        "generation_error",
    ]
