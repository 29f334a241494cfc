from django.contrib import admin

from maillage.mail.models import OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    list_display = ("created_at", "to", "subject", "kind", "status", "attempts", "sent_at")
    list_filter = ("status", "kind")
    search_fields = ("to", "subject", "key")
    raw_id_fields = ("event",)
    readonly_fields = ("created_at", "sent_at", "attempts", "last_error", "key")
