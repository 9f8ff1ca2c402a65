"""Shorter sessions for the administration's staff."""

from django.conf import settings

from inquiries.permissions import is_administration_staff


class StaffSessionExpiryMiddleware:
    """Staff sessions end ``STAFF_SESSION_AGE`` seconds after login.

    Office, department staff and admins see drafts and personal data; their
    sessions are cut to a working day. Councillors keep ``SESSION_COOKIE_AGE``.
    """

    marker = "_staff_session_age"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and request.session.get(self.marker) != settings.STAFF_SESSION_AGE
            and is_administration_staff(user)
        ):
            request.session.set_expiry(settings.STAFF_SESSION_AGE)
            request.session[self.marker] = settings.STAFF_SESSION_AGE
        return self.get_response(request)
