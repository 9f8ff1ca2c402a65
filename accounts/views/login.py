"""Log in, then land where one's own work is (inbox, own inquiries), unless ``next`` says."""

from django.contrib.auth import views as auth_views

from inquiries.permissions import start_page_for


class PortalLoginView(auth_views.LoginView):
    redirect_authenticated_user = False

    def get_default_redirect_url(self):
        return start_page_for(self.request.user)
