"""The database cache's table, so that `migrate` alone prepares the default cache.

With ``CACHE_URL`` pointing at Redis (production, CI) there is nothing to
create and the command does nothing; it never touches an existing table.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    initial = True
    dependencies: list[tuple[str, str]] = []
    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
