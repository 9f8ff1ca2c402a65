"""Pages for everyone: only published inquiries, never anything else."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from inquiries import selectors
from inquiries.models import Inquiry
from inquiries.reply import documents as reply_documents
from inquiries.reply import tasks as reply_tasks

PAGE_SIZE = 20


def inquiry_list(request):
    paginator = Paginator(selectors.published_inquiries(), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("seite"))
    return render(request, "inquiries/public/inquiry_list.html", {"page": page})


def inquiry_detail(request, pk: int):
    inquiry = selectors.inquiry_with_questions(Inquiry.objects.published(), pk)
    return render(request, "inquiries/public/inquiry_detail.html", {"inquiry": inquiry})


def reply_pdf(request, pk: int, version: int | None = None):
    """The released reply letter of a published inquiry: the current or a given version.

    Always a stored file. A missing file (or a published inquiry without any
    reply yet) is rebuilt by a worker, and the reader is asked to come back
    (503 with Retry-After); a stale current reply is served while the worker
    builds the next version (checked at most once a minute per inquiry).
    """
    inquiry = get_object_or_404(Inquiry.objects.published(), pk=pk)
    document = reply_documents.latest_released(inquiry.pk, version)
    if document is None:
        if version is not None:
            raise Http404
        reply_tasks.request_rebuild(inquiry.pk)
        return _reply_pending(request, inquiry)
    try:
        if reply_documents.file_is_missing(document):
            raise FileNotFoundError(document.file.name)
        file = document.file.open("rb")
    except OSError:
        reply_tasks.request_rebuild(inquiry.pk, document.version)
        return _reply_pending(request, inquiry)
    if version is None and reply_tasks.freshness_check_due(inquiry.pk):
        if reply_documents.is_stale(document):
            reply_tasks.request_rebuild(inquiry.pk)
    response = FileResponse(file, content_type="application/pdf", filename=document.download_name)
    response["Content-Length"] = str(document.size)
    return response


def _reply_pending(request, inquiry):
    response = render(
        request, "inquiries/public/reply_pending.html", {"inquiry": inquiry}, status=503
    )
    response["Retry-After"] = str(reply_tasks.REQUEST_DEBOUNCE_SECONDS)
    return response
