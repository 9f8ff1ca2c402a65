"""The admin's exception to the Content-Security-Policy.

The portal's own pages run under the strict policy of ``settings.CONTENT_SECURITY_POLICY``.
Django's admin ships one inline ``<style>`` block (change lists without actions)
and its widgets (autocomplete) set ``style`` attributes; so the admin, which only
staff can reach, may use inline styles. Scripts stay as strict as everywhere.
"""

from csp.constants import SELF, UNSAFE_INLINE
from django.urls import reverse


class AdminStylePolicyMiddleware:
    """Relax ``style-src`` for the admin pages only. Must come after CSPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(reverse("admin:index")):
            response._csp_replace = {"style-src": [SELF, UNSAFE_INLINE]}
        return response
