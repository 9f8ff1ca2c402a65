from django.urls import path

from accounts.views import data_export

urlpatterns = [
    path("meine-daten.json", data_export.my_data, name="my_data_export"),
]
