"""File: the released reply PDFs."""

import datetime

from django.conf import settings

from inquiries.models import ReplyDocument
from oparl.checksums import sha512_of
from oparl.serializers.base import (
    Context,
    Data,
    compact,
    deleted,
    local_day,
    moment,
    oparl_type,
)


def file_name_for_people(document: ReplyDocument) -> str:
    number = document.inquiry.number
    subject = document.inquiry.subject
    label = f"Antwort auf Anfrage {number}" if number else "Antwort auf die Anfrage"
    return f"{label}: {subject} (Fassung {document.version})"


def appeared(document: ReplyDocument) -> datetime.datetime:
    """When the file became public: released, and its inquiry published (as the selectors)."""
    moments = [document.released_at or document.created_at]
    if document.inquiry.published_at:
        moments.append(document.inquiry.published_at)
    return max(moments)


def deleted_reply_file(ctx: Context, document: ReplyDocument) -> Data:
    access_url = ctx.absolute(document.get_absolute_url())
    return deleted(ctx.url("file", document.pk), "File", document, accessUrl=access_url)


def reply_file(ctx: Context, document: ReplyDocument, embedded: bool = False) -> Data:
    """A released reply PDF; ``document.inquiry`` must be loaded."""
    inquiry = document.inquiry
    data = {
        "id": ctx.url("file", document.pk),
        "type": oparl_type("File"),
        "name": file_name_for_people(document),
        "fileName": document.download_name,
        "mimeType": "application/pdf",
        "date": local_day(document.released_at or document.created_at),
        "size": document.size,
        "sha512Checksum": sha512_of(document),
        "accessUrl": ctx.absolute(document.get_absolute_url()),
        "downloadUrl": ctx.url("file_download", document.pk),
        "fileLicense": settings.OPARL_LICENSE,
        "paper": None
        if embedded
        else [ctx.url("paper", inquiry.pk), ctx.url("reply_paper", inquiry.pk)],
        "web": ctx.absolute(inquiry.get_absolute_url()),
    }
    data["created"] = data["modified"] = moment(appeared(document))
    return compact(data)
