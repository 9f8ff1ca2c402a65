"""manage.py import_rankings FILE.csv [--editions FILE.csv]: a thin shell around the import."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from rankings import importing


class Command(BaseCommand):
    help = (
        "Import Smart City Index results (all or nothing). The editions file beside it "
        f"({importing.EDITIONS_FILENAME}) is read too, unless --editions names another."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--editions", type=Path, default=None)

    def handle(self, *args, file: Path, editions: Path | None, **options):
        if editions is None and (file.parent / importing.EDITIONS_FILENAME).exists():
            editions = file.parent / importing.EDITIONS_FILENAME
        try:
            with file.open("rb") as handle:
                data = importing.read_limited(handle)
            editions_data = None
            if editions is not None:
                with editions.open("rb") as handle:
                    editions_data = importing.read_limited(handle)
        except OSError as error:
            raise CommandError(str(error)) from error
        try:
            report = importing.import_rankings(
                data,
                editions_data,
                filename=file.name,
                editions_filename=editions.name if editions else "",
            )
        except importing.ImportRefused as refused:
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
