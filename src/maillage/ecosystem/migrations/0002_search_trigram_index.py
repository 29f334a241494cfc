"""A trigram GIN index on Organisation.search_text so that `search_text LIKE '%…%'` stays fast
on a 100,000-organisation directory. PostgreSQL only: on SQLite this migration does nothing."""

from django.db import migrations

INDEX = "ecosystem_organisation_search_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON ecosystem_organisation "
        "USING gin (search_text gin_trgm_ops)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("ecosystem", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
