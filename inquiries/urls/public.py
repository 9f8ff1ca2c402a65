from django.urls import path

from inquiries.views import public

urlpatterns = [
    path("", public.inquiry_list, name="list"),
    path("anfragen/<int:pk>/", public.inquiry_detail, name="detail"),
]
