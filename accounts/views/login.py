"""Log in, then land where one's own work is (inbox, own inquiries), unless ``next`` says."""

from django.contrib.auth import views as auth_views
from django.urls import reverse

from inquiries.permissions import is_councillor


def start_page_for(user) -> str:
    """The page a user lands on after logging in: their own work first."""
    if user.has_perm("inquiries.use_office_inbox"):
        return reverse("inquiries:office_inbox")
    if user.has_perm("inquiries.use_department_inbox"):
        return reverse("inquiries:department_inbox")
    if is_councillor(user):
        return reverse("inquiries:councillor_list")
    return reverse("inquiries:start")


class PortalLoginView(auth_views.LoginView):
    redirect_authenticated_user = False

    def get_default_redirect_url(self):
        return start_page_for(self.request.user)
