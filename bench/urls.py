from django.http import HttpResponse
from django.urls import include, path


def ceiling(request):
    """The least a Django view can do: every middleware runs, no database, no template."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/ceiling", ceiling),
    path("", include("herne_portal.urls")),
]
