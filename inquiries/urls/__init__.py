"""URLs of the inquiries app, one module per audience."""

from django.urls import include, path

app_name = "inquiries"

urlpatterns = [
    path("", include("inquiries.urls.public")),
    path("meine-anfragen/", include("inquiries.urls.councillor")),
    path("buero/", include("inquiries.urls.office")),
    path("fachbereich/", include("inquiries.urls.department")),
]
