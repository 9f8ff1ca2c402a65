from django.urls import path

from accounts.views import data_export, two_factor

urlpatterns = [
    path("meine-daten.json", data_export.my_data, name="my_data_export"),
    path("zwei-faktor/", two_factor.verify, name="two_factor_verify"),
    path("zwei-faktor/einrichten/", two_factor.setup, name="two_factor_setup"),
]
