"""The directory's full-text index: its tables and keeping them in step with the organisations.

One row per organisation in `ecosystem_search` (see models.SearchEntry), written from the same
folded text the query is folded with (maillage.ecosystem.text.fold: accents, case, ligatures and
punctuation off), so both databases agree on what matches:

- SQLite: an FTS5 virtual table (unicode61 tokens, prefix indexes) with the names (name and
  aliases), the French description and the English description with the city in three columns,
  ranked by bm25 with the names weighing most; and a small FTS5 table over the names with the
  trigram tokenizer (SQLite >= 3.34) that finds names from a misspelt query.
- PostgreSQL: a table with a tsvector ('simple' configuration over the folded text; names weight A,
  French description B, English description and city C) under a GIN index, and the folded names
  under a pg_trgm GIN index for the misspelt queries (word similarity).

Writers call `index_organisations(ids)` after they create or change organisations and
`unindex_organisations(ids)` before they delete them (explicit calls, no signals); `rebuild()`
refills everything (the `rebuild_search` command and the migration that creates the tables).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction

from maillage.ecosystem.text import fold

TABLE = "ecosystem_search"
TRIGRAMS = "ecosystem_search_trigrams"  # SQLite only
BATCH = 2000
# bm25 weights of the SQLite columns (names, description_fr, description_en), highest first.
BM25_WEIGHTS = (10.0, 2.0, 1.0)

_SOURCE = (
    "SELECT id, name, aliases, city, description_fr, description_en FROM ecosystem_organisation"
)


def create_tables(schema_editor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
            "names, description_fr, description_en, tokenize='unicode61', prefix='2 3 4')"
        )
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {TRIGRAMS} USING fts5(names, tokenize='trigram')"
        )
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            f"CREATE TABLE IF NOT EXISTS {TABLE} ("
            # No foreign key: Django's flush (TRUNCATE of its managed tables) refuses a table
            # referenced from this unmanaged one; results are joined to the organisations, so
            # a row left behind by a delete outside the services is never shown.
            "rowid bigint PRIMARY KEY, "
            f"names text NOT NULL, {TABLE} tsvector NOT NULL)"
        )
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {TABLE}_vector ON {TABLE} USING gin ({TABLE})"
        )
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {TABLE}_names_trgm ON {TABLE} "
            "USING gin (names gin_trgm_ops)"
        )


def drop_tables(schema_editor) -> None:
    if schema_editor.connection.vendor not in ("sqlite", "postgresql"):
        return
    schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {TRIGRAMS}")


def _entry(row) -> tuple:
    pk, name, aliases, city, description_fr, description_en = row
    return (
        pk,
        fold(f"{name} {aliases}"),
        fold(description_fr),
        fold(f"{description_en} {city}"),
    )


def _delete(cursor, ids: list[int]) -> None:
    tables = [TABLE, TRIGRAMS] if connection.vendor == "sqlite" else [TABLE]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join(["%s"] * len(chunk))
        for table in tables:
            cursor.execute(f"DELETE FROM {table} WHERE rowid IN ({marks})", chunk)


def _insert(cursor, entries: list[tuple]) -> None:
    if not entries:
        return
    if connection.vendor == "sqlite":
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, names, description_fr, description_en) "
            "VALUES (%s, %s, %s, %s)",
            entries,
        )
        cursor.executemany(
            f"INSERT INTO {TRIGRAMS} (rowid, names) VALUES (%s, %s)",
            [(pk, names) for pk, names, _, _ in entries],
        )
    else:
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, names, {TABLE}) VALUES (%s, %s, "
            "setweight(to_tsvector('simple', %s), 'A') || "
            "setweight(to_tsvector('simple', %s), 'B') || "
            "setweight(to_tsvector('simple', %s), 'C'))",
            [(pk, names, names, fr, en) for pk, names, fr, en in entries],
        )


def index_organisations(ids: Iterable[int]) -> None:
    """Write (or rewrite) the index rows of these organisations from their current values."""
    ids = sorted({int(pk) for pk in ids if pk is not None})
    if not ids:
        return
    with transaction.atomic(), connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"{_SOURCE} WHERE id IN ({marks})", chunk)
            entries = [_entry(row) for row in cursor.fetchall()]
            _delete(cursor, chunk)
            _insert(cursor, entries)


def unindex_organisations(ids: Iterable[int]) -> None:
    ids = sorted({int(pk) for pk in ids if pk is not None})
    if ids:
        with transaction.atomic(), connection.cursor() as cursor:
            _delete(cursor, ids)


def rebuild() -> int:
    """Empty the index and fill it again from every organisation; returns how many rows."""
    count = 0
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")
        if connection.vendor == "sqlite":
            cursor.execute(f"DELETE FROM {TRIGRAMS}")
        last = 0
        while True:
            cursor.execute(f"{_SOURCE} WHERE id > %s ORDER BY id LIMIT {BATCH}", [last])
            rows = cursor.fetchall()
            if not rows:
                break
            _insert(cursor, [_entry(row) for row in rows])
            last, count = rows[-1][0], count + len(rows)
    return count
