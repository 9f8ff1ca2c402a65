from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HernePortalConfig(AppConfig):
    """The project's infrastructure: settings, mail and task queue, health, error pages."""

    name = "herne_portal"
    verbose_name = _("Portal infrastructure")
