from django.urls import path

from inquiries.views import department

urlpatterns = [
    path("", department.inbox, name="department_inbox"),
    path("fragen/<int:pk>/", department.question_detail, name="department_question"),
    path("fragen/<int:pk>/antwort/", department.save_answer, name="department_save_answer"),
    path("fragen/<int:pk>/zur-freigabe/", department.send_for_review, name="department_send"),
    path("fragen/<int:pk>/freigeben/", department.approve, name="department_approve"),
    path("fragen/<int:pk>/zurueckgeben/", department.return_answer, name="department_return"),
    path("fragen/<int:pk>/umleiten/", department.request_reroute, name="department_reroute"),
    path("fragen/<int:pk>/beitrag/", department.contribute, name="department_contribute"),
    path("fragen/<int:pk>/anlage/", department.attach, name="department_attach"),
    path(
        "fragen/<int:pk>/zwischennachricht/", department.holding_answer, name="department_holding"
    ),
    path("fragen/<int:pk>/berichtigung/", department.correct, name="department_correct"),
    path("anlagen/<int:pk>/", department.attachment, name="department_attachment"),
]
