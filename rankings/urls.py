"""Public URLs of the Smart City Index, included under /smart-city-index/."""

from django.urls import path

from rankings.views import exports, public

app_name = "rankings"

urlpatterns = [
    path("", public.index, name="index"),
    path("<int:year>/", public.edition, name="edition"),
    path("<int:year>.csv", exports.edition_csv, name="edition_csv"),
    path("<int:year>.json", exports.edition_json, name="edition_json"),
    path("stadt/<slug:slug>/", public.city, name="city"),
    path("stadt/<slug:slug>/verlauf.svg", public.city_chart, name="city_chart"),
    path("stadt/<slug:slug>.csv", exports.city_csv, name="city_csv"),
    path("stadt/<slug:slug>.json", exports.city_json, name="city_json"),
    path("vergleich/", public.compare, name="compare"),
    path("vergleich/verlauf.svg", public.compare_chart, name="compare_chart"),
    path("bereich/<slug:code>/", public.area, name="area"),
]
