"""FollowUp.application goes: soft landing holds the link now (softlanding 0003 and 0004 copied
it into FollowUpLink first), so partnerships no longer points at soft landing."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0004_delegation_time_zone"),
        ("softlanding", "0004_copy_follow_up_applications"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="followup",
            name="application",
        ),
    ]
