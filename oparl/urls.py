"""URLs of the OParl API, included under ``/oparl/v1/``."""

from django.urls import path, re_path

from oparl import views

app_name = "oparl"

LIST_PATHS = {
    "organization": "organizations",
    "person": "persons",
    "membership": "memberships",
    "meeting": "meetings",
    "location": "locations",
    "legislative_term": "legislative-terms",
    "paper": "papers",
    "consultation": "consultations",
    "file": "files",
    "agenda_item": "agenda-items",
}

urlpatterns = [
    path("", views.system, name="system"),
    path("bodies", views.body_list, name="body_list"),
    path("body/<int:pk>", views.body, name="body"),
    *[
        path(f"body/<int:body>/{segment}", views.object_list(name), name=f"{name}_list")
        for name, segment in LIST_PATHS.items()
    ],
    path("organization/<str:kind>/<int:pk>", views.organization, name="organization"),
    path("person/<int:pk>", views.person, name="person"),
    path("membership/<str:kind>/<int:pk>", views.membership, name="membership"),
    path(
        "membership/fraktion/<int:pk>/<int:faction>",
        views.faction_membership,
        name="faction_membership",
    ),
    path("meeting/<int:pk>", views.meeting, name="meeting"),
    path("location/<int:pk>", views.location, name="location"),
    path("legislative-term/<int:pk>", views.legislative_term, name="legislative_term"),
    path("paper/<int:pk>", views.paper, name="paper"),
    path("paper/<int:pk>/antwort", views.reply_paper, name="reply_paper"),
    path("consultation/<int:pk>", views.consultation, name="consultation"),
    path("file/<int:pk>", views.file, name="file"),
    path("file/<int:pk>/download", views.file_download, name="file_download"),
    re_path(r"^(?P<rest>.*)$", views.not_found, name="not_found"),
]
