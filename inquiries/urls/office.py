from django.urls import path

from inquiries.views import audit, office, reply

urlpatterns = [
    path("", office.inbox, name="office_inbox"),
    path("kennzahlen/", office.dashboard, name="office_dashboard"),
    path("anfragen/neu/", office.enter_inquiry, name="office_enter_inquiry"),
    path("anfragen/<int:pk>/", office.inquiry_detail, name="office_inquiry"),
    path("anfragen/<int:pk>/registrieren/", office.register, name="office_register"),
    path("anfragen/<int:pk>/ablehnen/", office.reject, name="office_reject"),
    path("anfragen/<int:pk>/zuweisen/", office.route, name="office_route"),
    path("anfragen/<int:pk>/veroeffentlichen/", office.publish, name="office_publish"),
    path("anfragen/<int:pk>/antwort-entwurf.pdf", reply.reply_preview, name="reply_preview"),
    path("anfragen/<int:pk>/protokoll.csv", audit.audit_csv, name="office_audit_csv"),
]
