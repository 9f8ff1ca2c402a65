"""The portal's URLs plus minimal views that read the same rows without any template."""

from django.http import HttpResponse
from django.urls import include, path

from inquiries.models import Inquiry


def ceiling(request):
    """The least a Django view can do: every middleware runs, no database, no template."""
    return HttpResponse("ok", content_type="text/plain")


def minimal_list(request):
    """Twenty subjects of published inquiries, newest first: the floor for the list pages."""
    subjects = (
        Inquiry.objects.published().order_by("-published_at").values_list("subject", flat=True)[:20]
    )
    return HttpResponse("\n".join(subjects), content_type="text/plain")


def minimal_detail(request, pk):
    """One inquiry's subject: the floor for the inquiry page."""
    subject = Inquiry.objects.published().values_list("subject", flat=True).get(pk=pk)
    return HttpResponse(subject, content_type="text/plain")


urlpatterns = [
    path("bench/ceiling", ceiling),
    path("minimal/", minimal_list),
    path("minimal/<int:pk>/", minimal_detail),
    path("", include("herne_portal.urls")),
]
