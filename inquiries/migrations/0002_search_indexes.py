"""German full-text indexes for the public search (PostgreSQL only; SQLite searches with LIKE).

The expressions equal what ``inquiries.search.fulltext`` queries (``GermanVector``).
"""

from django.db import migrations

SEARCH_INDEXES = [
    (
        "inquiries_inquiry_fts",
        "inquiries_inquiry",
        "to_tsvector('german'::regconfig, COALESCE(subject, '') || ' ' || COALESCE(preamble, ''))",
    ),
    (
        "inquiries_question_fts",
        "inquiries_question",
        "to_tsvector('german'::regconfig, COALESCE(text, ''))",
    ),
    (
        "inquiries_answer_fts",
        "inquiries_answer",
        "to_tsvector('german'::regconfig, COALESCE(text, ''))",
    ),
]


def create_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, expression in SEARCH_INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (({expression}))"
        )


def drop_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _expression in SEARCH_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("inquiries", "0001_initial")]

    operations = [migrations.RunPython(create_search_indexes, drop_search_indexes)]
