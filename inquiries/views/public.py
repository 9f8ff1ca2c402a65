"""Pages for everyone: only published inquiries, never anything else."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from inquiries import selectors
from inquiries.filters.public import PublicInquiryFilter
from inquiries.forms.public import SubscriptionForm, choices_for_inquiry, choices_for_list
from inquiries.models import AnswerAttachment, Inquiry
from inquiries.models.answering import released_answer
from inquiries.reply import documents as reply_documents
from inquiries.reply import tasks as reply_tasks
from inquiries.search import fulltext, query

PAGE_SIZE = 20


@require_GET
def start(request):
    return render(
        request,
        "inquiries/public/start.html",
        {
            "latest": selectors.latest_answered(),
            "meetings": selectors.upcoming_meetings(),
            "topics": selectors.topics_in_use(),
        },
    )


def _ordered(queryset, sort: str, searching: bool):
    if sort == "alt":
        return queryset.order_by("published_at", "pk")
    if sort == "nummer":
        return queryset.order_by("-number_year", "-number_sequence", "-pk")
    if searching and sort in ("", "relevanz"):
        return queryset.order_by("-search_rank", "-published_at", "-pk")
    return queryset.order_by("-published_at", "-pk")


@require_GET
def inquiry_list(request):
    filterset = PublicInquiryFilter(request.GET or None, queryset=selectors.published_inquiries())
    text = query.clean(request.GET.get("q"))
    hints = []
    queryset = filterset.qs
    searching = False
    if text:
        if query.only_stop_words(text.text):
            hints.append(
                _("Your search contains only very common words. Try a more specific word.")
            )
            queryset = queryset.none()
        else:
            queryset = fulltext.search(queryset, text.text)
            searching = True
    if text.truncated:
        hints.append(
            _("Your search was shortened to its first %(count)s characters.")
            % {"count": query.MAX_QUERY_LENGTH}
        )
    paginator = Paginator(_ordered(queryset, filterset.sort, searching), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("seite"))
    if searching and page.object_list:
        found = fulltext.snippets(page.object_list, text.text)
        for inquiry in page.object_list:
            inquiry.snippet = found.get(inquiry.pk)
    params = request.GET.copy()
    params.pop("seite", None)
    return render(
        request,
        "inquiries/public/inquiry_list.html",
        {
            "filter": filterset,
            "page": page,
            "search_text": text.text,
            "hints": hints,
            "query_string": params.urlencode(),
            "subscription_form": SubscriptionForm(
                initial={"search": params.urlencode()},
                choices=choices_for_list(filterset),
            ),
        },
    )


@require_GET
def inquiry_detail(request, pk: int):
    inquiry = selectors.inquiry_with_questions(Inquiry.objects.published(), pk)
    return render(
        request,
        "inquiries/public/inquiry_detail.html",
        {
            "inquiry": inquiry,
            "related": selectors.related_inquiries(inquiry),
            "subscription_form": SubscriptionForm(choices=choices_for_inquiry(inquiry)),
        },
    )


@require_GET
def answer_attachment(request, pk: int, attachment_pk: int):
    """An attachment of an approved answer of a published inquiry."""
    attachment = get_object_or_404(
        AnswerAttachment.objects.select_related("answer").filter(released_answer(via="answer__")),
        pk=attachment_pk,
        answer__inquiry__in=Inquiry.objects.published().filter(pk=pk),
    )
    response = FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type or "application/octet-stream",
        as_attachment=True,
        filename=attachment.original_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def robots_txt(request):
    return render(request, "inquiries/public/robots.txt", content_type="text/plain")


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
