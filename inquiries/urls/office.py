from django.urls import path

from inquiries.views import audit

urlpatterns: list = [
    path("anfragen/<int:pk>/protokoll.csv", audit.audit_csv, name="office_audit_csv"),
]
