"""Checking uploaded attachments of answers: real type, matching extension, size limit."""

import hashlib
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Content type (as detected from the bytes) → file name extensions allowed for it.
ALLOWED_TYPES = {
    "application/pdf": {".pdf"},
    "image/png": {".png"},
    "image/jpeg": {".jpg", ".jpeg"},
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {".xlsx"},
    "application/vnd.oasis.opendocument.spreadsheet": {".ods"},
}


@dataclass(frozen=True)
class CheckedUpload:
    file: object
    name: str
    content_type: str
    size: int
    sha256: str


def check_upload(uploaded) -> CheckedUpload:
    """The upload if it is an allowed type under the size limit, else ``ValidationError``.

    The type is read from the file's bytes (``filetype``), never from the browser's
    claim; the extension must match what the bytes are.
    """
    limit_mb = settings.ANSWER_ATTACHMENT_MAX_MB
    if uploaded.size > limit_mb * 1024 * 1024:
        raise ValidationError(
            _("The file is larger than %(limit)s MB.") % {"limit": limit_mb}, code="too_large"
        )
    head = uploaded.read(8192)
    uploaded.seek(0)
    kind = filetype.guess(head)
    mime = kind.mime if kind else ""
    extension = PurePath(uploaded.name).suffix.lower()
    if mime not in ALLOWED_TYPES:
        raise ValidationError(
            _("Only PDF files, images (PNG, JPEG) and spreadsheets (XLSX, ODS) can be attached."),
            code="wrong_type",
        )
    if extension not in ALLOWED_TYPES[mime]:
        raise ValidationError(
            _("The file name ends in %(extension)s, but the file is not of that type.")
            % {"extension": extension or "–"},
            code="fake_extension",
        )
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    return CheckedUpload(
        file=uploaded,
        name=PurePath(uploaded.name).name[:255],
        content_type=mime,
        size=uploaded.size,
        sha256=digest.hexdigest(),
    )
