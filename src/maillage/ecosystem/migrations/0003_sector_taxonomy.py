"""Create the sector taxonomy (filières and specialities) on every new database."""

from django.db import migrations


def forwards(apps, schema_editor):
    from maillage.ecosystem.sectors import ensure_taxonomy

    ensure_taxonomy(apps.get_model("ecosystem", "Sector"))


class Migration(migrations.Migration):
    dependencies = [("ecosystem", "0002_search_trigram_index")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
