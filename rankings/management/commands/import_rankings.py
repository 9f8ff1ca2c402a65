"""manage.py import_rankings FILE.csv [--editions FILE.csv]: a thin shell around the import."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from rankings.importing.files import ImportRefused, read_limited
from rankings.importing.rows import EDITIONS_FILENAME
from rankings.importing.writing import import_rankings


class Command(BaseCommand):
    help = (
        "Import Smart City Index results (all or nothing). The editions file beside it "
        f"({EDITIONS_FILENAME}) is read too, unless --editions names another."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--editions", type=Path, default=None)

    def handle(self, *args, file: Path, editions: Path | None, **options):
        if editions is None and (file.parent / EDITIONS_FILENAME).exists():
            editions = file.parent / EDITIONS_FILENAME
        try:
            with file.open("rb") as handle:
                data = read_limited(handle)
            editions_data = None
            if editions is not None:
                with editions.open("rb") as handle:
                    editions_data = read_limited(handle)
        except OSError as error:
            raise CommandError(str(error)) from error
        try:
            report = import_rankings(
                data,
                editions_data,
                filename=file.name,
                editions_filename=editions.name if editions else "",
            )
        except ImportRefused as refused:
            for shown in refused.shown_errors:
                self.stderr.write(str(shown))
            raise CommandError(
                _("%(count)d problems; nothing was imported.") % {"count": len(refused.errors)}
            ) from None
        self.stdout.write(report.summary())
        for change in report.changes:
            self.stdout.write(f"  {change}")
        for warning in report.warnings:
            self.stdout.write(self.style.WARNING(str(warning)))
