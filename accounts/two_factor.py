"""Two-factor authentication for the administration's staff (django-otp, TOTP).

Switched on by ``TWO_FACTOR_FOR_STAFF``. Office, department staff and admins
then see nothing but the two-factor pages (and log-out) until they have
entered a one-time code from their authenticator app (or a recovery code) in
this session; councillors and the public are not affected.

The set-up page is reachable here, but the view itself refuses a session that
has not confirmed one of the user's devices when the user already has one
(``accounts.permissions``): a password alone never adds a device.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from inquiries.permissions import is_administration_staff


class RequireTwoFactorMiddleware:
    """Must come after django_otp's OTPMiddleware (which sets ``user.is_verified``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.TWO_FACTOR_FOR_STAFF
            and user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not self._allowed(request.path)
            and is_administration_staff(user)
        ):
            target = reverse("two_factor_verify")
            return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def _allowed(path: str) -> bool:
        """Exactly these pages (not what lies below them), and the static files."""
        pages = {
            reverse("two_factor_verify"),
            reverse("two_factor_setup"),
            reverse("two_factor_recover"),
            reverse("logout"),
            reverse("set_language"),
            reverse("javascript-catalog"),
            reverse("healthz"),
        }
        return path in pages or path.startswith(settings.STATIC_URL)
