from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OparlConfig(AppConfig):
    """The read-only OParl 1.1 API; it has no models of its own."""

    name = "oparl"
    verbose_name = _("OParl API")
