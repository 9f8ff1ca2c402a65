"""Phase one of an import, the file itself: size, encoding, header, fields, errors.

Every problem becomes a ``RowError`` naming the file, row and column, in German;
``ImportRefused`` carries them all and means that nothing was written.
"""

import csv
import datetime
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

# A real index file has a few thousand rows (83 cities × 6 areas × editions).
MAX_BYTES = 5 * 1024 * 1024
MAX_ERRORS = 50


@dataclass(frozen=True)
class RowError:
    filename: str
    row: int
    column: str
    message: str

    def __str__(self):
        if self.column:
            return _("%(file)s, row %(row)d, column “%(column)s”: %(message)s") % {
                "file": self.filename,
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        return _("%(file)s, row %(row)d: %(message)s") % {
            "file": self.filename,
            "row": self.row,
            "message": self.message,
        }


class ImportRefused(Exception):
    """The file was refused; nothing was written."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))

    @property
    def shown_errors(self) -> list[RowError]:
        return self.errors[:MAX_ERRORS]


def read_limited(fileobj) -> bytes:
    """Read at most one byte more than ``MAX_BYTES``, so a huge file is never read whole."""
    return fileobj.read(MAX_BYTES + 1)


def decode(data: bytes, filename: str) -> str:
    if len(data) > MAX_BYTES:
        row = data[:MAX_BYTES].count(b"\n") + 1
        raise ImportRefused(
            [
                RowError(
                    filename,
                    row,
                    "",
                    _(
                        "The file is larger than %(limit)d MB; reading stopped in this row. "
                        "Nothing was imported."
                    )
                    % {"limit": MAX_BYTES // (1024 * 1024)},
                )
            ]
        )
    if not data.strip():
        raise ImportRefused([RowError(filename, 1, "", _("The file is empty."))])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = data[: error.start].count(b"\n") + 1
        raise ImportRefused(
            [
                RowError(
                    filename,
                    row,
                    "",
                    _(
                        "The file is not encoded in UTF-8 (byte 0x%(byte)02X; probably "
                        "Latin-1 or Windows-1252). Save it as UTF-8 and upload it again."
                    )
                    % {"byte": data[error.start]},
                )
            ]
        ) from None


def records(text: str, filename: str, columns: list[str], errors: list[RowError]):
    """``(row number, dict)`` per data row; refuse a wrong header, collect bad row lengths."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise ImportRefused([RowError(filename, 1, "", _("The file is empty."))]) from None
    except csv.Error as error:
        raise ImportRefused([RowError(filename, 1, "", str(error))]) from None
    header = [name.strip() for name in header]
    if header != columns:
        missing = [c for c in columns if c not in header]
        unexpected = [c for c in header if c not in columns]
        details = []
        if missing:
            details.append(_("missing: %(cols)s") % {"cols": ", ".join(missing)})
        if unexpected:
            details.append(_("unexpected: %(cols)s") % {"cols": ", ".join(unexpected)})
        if not details:
            details.append(_("wrong order"))
        raise ImportRefused(
            [
                RowError(
                    filename,
                    1,
                    "",
                    _("Wrong header (%(details)s). Expected: %(expected)s")
                    % {"details": "; ".join(details), "expected": ",".join(columns)},
                )
            ]
        )
    rows = []
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            errors.append(RowError(filename, reader.line_num, "", str(error)))
            break
        if not any(value.strip() for value in record):
            continue
        if len(record) != len(columns):
            errors.append(
                RowError(
                    filename,
                    reader.line_num,
                    "",
                    _("Expected %(expected)d fields, found %(found)d.")
                    % {"expected": len(columns), "found": len(record)},
                )
            )
            continue
        rows.append((reader.line_num, dict(zip(columns, (v.strip() for v in record), strict=True))))
    if not rows and not errors:
        raise ImportRefused([RowError(filename, 2, "", _("The file has a header but no rows."))])
    return rows


class RowChecker:
    """Collects the errors of one row while converting its fields."""

    def __init__(self, filename: str, row: int, errors: list[RowError]):
        self.filename, self.row, self.errors = filename, row, errors

    def fail(self, column: str, message: str):
        self.errors.append(RowError(self.filename, self.row, column, message))

    def integer(self, values: dict, column: str, required: bool = False) -> int | None:
        raw = values[column]
        if not raw:
            if required:
                self.fail(column, _("A value is required."))
            return None
        if not raw.isdigit() or int(raw) < 1:
            self.fail(column, _("“%(value)s” is not a whole number of 1 or more.") % {"value": raw})
            return None
        return int(raw)

    def score(self, values: dict, column: str) -> Decimal | None:
        raw = values[column]
        if not raw:
            return None
        try:
            number = Decimal(raw)
        except InvalidOperation:
            hint = _(" Use a decimal point, not a comma.") if "," in raw else ""
            self.fail(column, _("“%(value)s” is not a number.") % {"value": raw} + hint)
            return None
        if not number.is_finite() or not (0 <= number <= 100):
            self.fail(column, _("“%(value)s” is not between 0 and 100.") % {"value": raw})
            return None
        if number != number.quantize(Decimal("0.01")):
            self.fail(column, _("“%(value)s” has more than two decimal places.") % {"value": raw})
            return None
        return number.quantize(Decimal("0.01"))

    def date(self, values: dict, column: str) -> datetime.date | None:
        raw = values[column]
        if not raw:
            return None
        try:
            return datetime.date.fromisoformat(raw)
        except ValueError:
            self.fail(column, _("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": raw})
            return None
