"""Copy every FollowUp.application (partnerships) into a FollowUpLink (soft landing), and back
when unapplied. partnerships 0005 removes the old column only after this has run."""

from django.db import migrations


def copy_to_links(apps, schema_editor):
    FollowUp = apps.get_model("partnerships", "FollowUp")
    FollowUpLink = apps.get_model("softlanding", "FollowUpLink")
    rows = FollowUp.objects.filter(application__isnull=False).values_list("pk", "application_id")
    FollowUpLink.objects.bulk_create(
        [FollowUpLink(follow_up_id=pk, application_id=app_id) for pk, app_id in rows],
        batch_size=1000,
    )


def copy_back(apps, schema_editor):
    FollowUp = apps.get_model("partnerships", "FollowUp")
    FollowUpLink = apps.get_model("softlanding", "FollowUpLink")
    for follow_up_id, app_id in FollowUpLink.objects.values_list("follow_up_id", "application_id"):
        FollowUp.objects.filter(pk=follow_up_id).update(application_id=app_id)


class Migration(migrations.Migration):
    dependencies = [
        ("softlanding", "0003_followuplink"),
    ]

    operations = [
        migrations.RunPython(copy_to_links, copy_back),
    ]
