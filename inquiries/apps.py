from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InquiriesConfig(AppConfig):
    name = "inquiries"
    verbose_name = _("Inquiries")

    def ready(self):
        # The permission rules register themselves with ``rules`` when imported; they
        # read the models, so they can be imported only once the app registry is ready.
        from inquiries import permissions  # noqa: F401
