"""Accounts in the admin: resetting a user's second factors, and what happened to them.

The authenticator apps are shown read-only, without their secrets; django-otp's
own admin (which shows the key and a QR code, and edits devices without an
account event) is replaced. The one way to change someone else's devices is
the users' action "Reset two-factor login" (``accounts.devices.reset_devices``).
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import devices
from accounts.models import AccountEvent
from inquiries.admin import ReadOnlyAdminMixin

User = get_user_model()

admin.site.unregister(TOTPDevice)
admin.site.unregister(User)


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    actions = ["reset_two_factor"]

    @admin.action(description=_("Reset two-factor login (lost phone)"), permissions=["change"])
    def reset_two_factor(self, request, queryset):
        for user in queryset:
            devices.reset_devices(user, actor=request.user)
        count = queryset.count()
        self.message_user(
            request,
            ngettext(
                "The two-factor login of %(count)d user was reset. They set up a new app at "
                "their next login; ask them to log in soon.",
                "The two-factor login of %(count)d users was reset. They set up a new app at "
                "their next login; ask them to log in soon.",
                count,
            )
            % {"count": count},
        )


@admin.register(TOTPDevice)
class AuthenticatorAppAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["user", "name", "confirmed", "created_at", "last_used_at"]
    list_filter = ["confirmed"]
    search_fields = ["user__username", "user__last_name"]
    list_select_related = ["user"]
    fields = ["user", "name", "confirmed", "created_at", "last_used_at"]


@admin.register(AccountEvent)
class AccountEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["created_at", "user", "action", "actor", "detail"]
    list_filter = ["action", ("created_at", admin.DateFieldListFilter)]
    search_fields = ["user__username", "actor__username"]
    list_select_related = ["user", "actor"]
