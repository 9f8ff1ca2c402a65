"""Pages for everyone: only published inquiries, never anything else."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from inquiries import selectors
from inquiries.models import Inquiry, ReplyDocument

PAGE_SIZE = 20


def inquiry_list(request):
    paginator = Paginator(selectors.published_inquiries(), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("seite"))
    return render(request, "inquiries/public/inquiry_list.html", {"page": page})


def inquiry_detail(request, pk: int):
    inquiry = selectors.inquiry_with_questions(Inquiry.objects.published(), pk)
    return render(request, "inquiries/public/inquiry_detail.html", {"inquiry": inquiry})


def reply_pdf(request, pk: int, version: int | None = None):
    """The released reply letter of a published inquiry: the current or a given version."""
    inquiry = get_object_or_404(Inquiry.objects.published(), pk=pk)
    released = ReplyDocument.objects.filter(inquiry=inquiry, is_released=True)
    if version is not None:
        released = released.filter(version=version)
    document = released.order_by("-version").first()
    if document is None:
        raise Http404
    response = FileResponse(
        document.file.open("rb"),
        content_type="application/pdf",
        filename=document.download_name,
    )
    response["Content-Length"] = str(document.size)
    return response
