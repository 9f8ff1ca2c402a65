from django.urls import path

from inquiries.views import public

urlpatterns = [
    path("", public.inquiry_list, name="list"),
    path("anfragen/<int:pk>/", public.inquiry_detail, name="detail"),
    path("anfragen/<int:pk>/antwort.pdf", public.reply_pdf, name="reply_pdf"),
    path(
        "anfragen/<int:pk>/antwort-v<int:version>.pdf",
        public.reply_pdf,
        name="reply_pdf_version",
    ),
]
