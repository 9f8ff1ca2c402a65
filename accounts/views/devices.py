"""A user's own second factors: the list, removing an app, new recovery codes (shown once)."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import devices
from accounts.permissions import must_use_two_factor
from accounts.views.two_factor import (
    SHOWN_ONCE_SESSION_KEY,
    next_url,
    refuse_unverified,
    show_recovery_codes,
)


@never_cache
@login_required
def device_list(request):
    user = request.user
    if not rules.test_rule("accounts.change_devices", user):
        return refuse_unverified(request)
    apps = [
        (app, rules.test_rule("accounts.remove_app", user, app))
        for app in devices.confirmed_apps(user)
    ]
    return render(
        request,
        "accounts/two_factor_devices.html",
        {
            "apps": apps,
            "recovery_codes_left": devices.recovery_codes_left(user),
            "must_use_two_factor": must_use_two_factor(user),
        },
    )


@never_cache
@login_required
@require_POST
def device_remove(request, pk):
    app = get_object_or_404(TOTPDevice, pk=pk, user=request.user, confirmed=True)
    if not rules.test_rule("accounts.change_devices", request.user):
        return refuse_unverified(request)
    if not rules.test_rule("accounts.remove_app", request.user, app):
        messages.error(
            request,
            _(
                "This is your only authenticator app, and your account needs one. Set up "
                "the new app first, then remove the old one."
            ),
        )
        return redirect("two_factor_devices")
    devices.remove_app(request.user, app)
    messages.success(request, _("The authenticator app was removed."))
    return redirect("two_factor_devices")


@never_cache
@login_required
@require_POST
def recovery_codes_new(request):
    if not rules.test_rule("accounts.change_devices", request.user):
        return refuse_unverified(request)
    if not devices.confirmed_apps(request.user).exists():
        messages.error(request, _("Set up an authenticator app first."))
        return redirect("two_factor_devices")
    return show_recovery_codes(request, devices.new_recovery_codes(request.user))


@never_cache
@login_required
def recovery_codes(request):
    """The codes just made, once: the session forgets them as they are shown."""
    codes = request.session.pop(SHOWN_ONCE_SESSION_KEY, None)
    return render(
        request, "accounts/recovery_codes.html", {"codes": codes, "next": next_url(request)}
    )
