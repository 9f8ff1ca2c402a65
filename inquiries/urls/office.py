from django.urls import path

from inquiries.views import reply

urlpatterns: list = [
    path("anfragen/<int:pk>/antwort-entwurf.pdf", reply.reply_preview, name="reply_preview"),
]
