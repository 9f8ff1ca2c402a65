from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """A user's own account: lock-out page, second factors, export of their own data."""

    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from accounts import permissions  # noqa: F401  (registers the rules)
