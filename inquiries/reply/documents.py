"""Building, storing and restoring the released reply letters.

Every released version is kept: new content (a correction) makes a new
version, older versions stay downloadable. Files go through Django's storage
(``ReplyDocument.file``), so S3-compatible storage works in production. All
functions here are safe to run twice.
"""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from inquiries import selectors
from inquiries.models import Inquiry, ReplyDocument
from inquiries.reply.payload import RELEASABLE, build_payload, content_hash, is_complete
from inquiries.reply.renderer import render_payload

logger = logging.getLogger(__name__)


def current_content(inquiry_id: int) -> dict:
    """The payload of the inquiry as it stands now (approved answers only)."""
    return build_payload(selectors.inquiry_for_reply(inquiry_id))


def latest_released(inquiry_id: int, version: int | None = None) -> ReplyDocument | None:
    released = ReplyDocument.objects.filter(inquiry_id=inquiry_id)
    if version is not None:
        released = released.filter(version=version)
    return released.select_related("inquiry").order_by("-version").first()


def file_is_missing(document: ReplyDocument) -> bool:
    return not document.file.name or not document.file.storage.exists(document.file.name)


def is_stale(document: ReplyDocument) -> bool:
    """The current content differs from what ``document`` was built from."""
    return document.content_hash != content_hash(current_content(document.inquiry_id))


def _store(document: ReplyDocument, pdf: bytes) -> None:
    document.sha256 = hashlib.sha256(pdf).hexdigest()
    document.size = len(pdf)
    document.file.save(f"v{document.version}.pdf", ContentFile(pdf), save=False)


def build_reply_document(inquiry_id: int, now=None) -> ReplyDocument | None:
    """Make sure the current content has a released, stored reply; return it.

    Nothing is built for an inquiry that is not answered or published, or
    while a question lacks an approved answer. The same content again returns
    the existing version (its file restored if lost); new content makes the
    next version. The inquiry row stays locked meanwhile, so two workers never
    build the same version.
    """
    with transaction.atomic():
        inquiry = Inquiry.objects.select_for_update().filter(pk=inquiry_id).first()
        if inquiry is None or inquiry.status not in RELEASABLE:
            return None
        payload = current_content(inquiry_id)
        if not is_complete(payload):
            logger.info("Reply of inquiry %s not built: an answer is not approved", inquiry_id)
            return None
        digest = content_hash(payload)
        latest = latest_released(inquiry_id)
        if latest is not None and latest.content_hash == digest:
            if file_is_missing(latest):
                restore_reply_file(latest)
            return latest
        last_version = inquiry.replies.aggregate(last=Max("version"))["last"] or 0
        document = ReplyDocument(
            inquiry=inquiry,
            version=last_version + 1,
            payload=payload,
            content_hash=digest,
            released_at=now or timezone.now(),
        )
        _filename, _mimetype, pdf = render_payload(payload, version=document.version)
        _store(document, pdf)
        document.save()
        logger.info("Reply of inquiry %s built: version %s", inquiry_id, document.version)
        return document


def restore_reply_file(document: ReplyDocument) -> ReplyDocument:
    """Rebuild the lost file of ``document`` from the content it was built from."""
    if not document.payload:
        raise ValueError(f"Reply {document.pk} has no stored content to rebuild from.")
    _filename, _mimetype, pdf = render_payload(document.payload, version=document.version)
    _store(document, pdf)
    document.save(update_fields=["file", "sha256", "size"])
    logger.warning(
        "Reply of inquiry %s, version %s: lost file rebuilt", document.inquiry_id, document.version
    )
    return document


def ensure_reply_file(inquiry_id: int, version: int) -> ReplyDocument | None:
    """Restore the file of a released ``version`` if it is missing."""
    with transaction.atomic():
        Inquiry.objects.select_for_update().filter(pk=inquiry_id).first()
        document = latest_released(inquiry_id, version)
        if document is not None and file_is_missing(document):
            if document.payload:
                restore_reply_file(document)
            else:
                logger.error("Reply %s lost its file and has no stored content", document.pk)
        return document


def draft_reply(inquiry: Inquiry) -> tuple[str, str, bytes]:
    """The letter as it would be built now, watermarked "Entwurf" (staff preview)."""
    payload = current_content(inquiry.pk)
    return render_payload(payload, draft=True)
