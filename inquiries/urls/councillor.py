"""Councillors' pages, mounted at /meine-anfragen/."""

from django.urls import path

from inquiries.views import councillor

urlpatterns = [
    path("", councillor.my_inquiries, name="councillor_list"),
    path("neu/", councillor.inquiry_new, name="councillor_new"),
    path("aehnliche/", councillor.similar_hints, name="councillor_similar"),
    path("<int:pk>/", councillor.inquiry_detail, name="councillor_detail"),
    path("<int:pk>/bearbeiten/", councillor.inquiry_edit, name="councillor_edit"),
    path("<int:pk>/vorschau/", councillor.inquiry_preview, name="councillor_preview"),
    path("<int:pk>/einreichen/", councillor.inquiry_submit, name="councillor_submit"),
    path("<int:pk>/zurueckziehen/", councillor.inquiry_withdraw, name="councillor_withdraw"),
    path("<int:pk>/mitzeichnen/", councillor.inquiry_cosign, name="councillor_cosign"),
]
