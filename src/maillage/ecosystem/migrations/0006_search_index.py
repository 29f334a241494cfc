"""The directory's full-text index (maillage.ecosystem.search_index): an FTS5 table on SQLite, a
tsvector table under GIN and trigram indexes on PostgreSQL, filled from the organisations there
are. SearchEntry is not managed by Django: the tables are made here by hand."""

from django.db import migrations, models

from maillage.ecosystem import search_index


def create(apps, schema_editor):
    search_index.create_tables(schema_editor)
    if schema_editor.connection.vendor in ("sqlite", "postgresql"):
        search_index.rebuild()


def drop(apps, schema_editor):
    search_index.drop_tables(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("ecosystem", "0005_page_claims")]

    operations = [
        migrations.RunPython(create, drop, elidable=False),
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                (
                    "id",
                    models.BigIntegerField(db_column="rowid", primary_key=True, serialize=False),
                ),
                ("document", models.TextField(db_column="ecosystem_search")),
                ("names", models.TextField()),
                (
                    "organisation",
                    models.ForeignObject(
                        from_fields=["id"],
                        on_delete=models.DO_NOTHING,
                        related_name="search_entry",
                        to="ecosystem.organisation",
                        to_fields=["id"],
                    ),
                ),
            ],
            options={"db_table": "ecosystem_search", "managed": False},
        ),
    ]
