"""Pages for everyone: only published inquiries, never anything else."""

from django.core.paginator import Paginator
from django.shortcuts import render

from inquiries import selectors
from inquiries.models import Inquiry

PAGE_SIZE = 20


def inquiry_list(request):
    paginator = Paginator(selectors.published_inquiries(), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("seite"))
    return render(request, "inquiries/public/inquiry_list.html", {"page": page})


def inquiry_detail(request, pk: int):
    inquiry = selectors.inquiry_with_questions(Inquiry.objects.published(), pk)
    return render(request, "inquiries/public/inquiry_detail.html", {"inquiry": inquiry})
