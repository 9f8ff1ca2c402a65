"""One's own account, mounted at /konto/ before Django's own auth pages."""

from django.contrib.auth import views as auth_views
from django.urls import path

from accounts.forms import QueuedPasswordResetForm
from accounts.views import data_export, devices, two_factor
from accounts.views.login import PortalLoginView

urlpatterns = [
    path("login/", PortalLoginView.as_view(), name="login"),
    path(
        "password_reset/",
        auth_views.PasswordResetView.as_view(form_class=QueuedPasswordResetForm),
        name="password_reset",
    ),
    path("meine-daten.json", data_export.my_data, name="my_data_export"),
    path("zwei-faktor/", two_factor.verify, name="two_factor_verify"),
    path("zwei-faktor/einrichten/", two_factor.setup, name="two_factor_setup"),
    path("zwei-faktor/wiederherstellung/", two_factor.recover, name="two_factor_recover"),
    path("zwei-faktor/geraete/", devices.device_list, name="two_factor_devices"),
    path(
        "zwei-faktor/geraete/<int:pk>/entfernen/",
        devices.device_remove,
        name="two_factor_device_remove",
    ),
    path(
        "zwei-faktor/wiederherstellungscodes/",
        devices.recovery_codes,
        name="two_factor_recovery_codes",
    ),
    path(
        "zwei-faktor/wiederherstellungscodes/neu/",
        devices.recovery_codes_new,
        name="two_factor_recovery_codes_new",
    ),
]
