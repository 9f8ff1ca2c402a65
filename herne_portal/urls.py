from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from herne_portal.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("konto/", include("accounts.urls")),
    path("konto/", include("django.contrib.auth.urls")),
    path("oparl/v1/", include("oparl.urls")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("smart-city-index/", include("rankings.urls")),
    path("", include("inquiries.urls")),
]

handler500 = "herne_portal.errors.server_error"
