"""The second step of a login: set up an authenticator app, enter its code, or a recovery code."""

import base64
from urllib.parse import urlencode

import django_otp
import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts import devices
from accounts.forms import OneTimeCodeForm, RecoveryCodeForm
from accounts.models import RecoveryCodeDevice
from accounts.qr import qr_svg

SHOWN_ONCE_SESSION_KEY = "accounts_recovery_codes_to_show"
PENDING_APP_SESSION_KEY = "accounts_app_being_set_up"


def next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


def refuse_unverified(request):
    """Back to the code entry, saying why: this session has not confirmed a device yet."""
    messages.error(
        request,
        _(
            "Your account already has an authenticator app. Confirm this login with its "
            "code first; only then can you change your two-factor settings."
        ),
    )
    query = urlencode({"next": next_url(request)})
    return redirect(f"{reverse('two_factor_verify')}?{query}")


def show_recovery_codes(request, codes: list[str]):
    """The plain codes wait in the session for exactly one showing."""
    request.session[SHOWN_ONCE_SESSION_KEY] = codes
    query = urlencode({"next": next_url(request)})
    return redirect(f"{reverse('two_factor_recovery_codes')}?{query}")


@never_cache
@login_required
def setup(request):
    """Show a new secret (as QR code and as text); confirm it with the app's first code.

    Only a session that has already confirmed one of the user's devices, or a
    user without any device, may add one: a password alone must never do.
    """
    if not rules.test_rule("accounts.change_devices", request.user):
        return refuse_unverified(request)
    device = devices.start_enrolment(request.user, request.session.get(PENDING_APP_SESSION_KEY))
    request.session[PENDING_APP_SESSION_KEY] = device.pk

    def check(token):
        return device if device.verify_token(token) else None

    form = OneTimeCodeForm(request.POST or None, device_check=check)
    if request.method == "POST" and form.is_valid():
        codes = devices.confirm_enrolment(request.user, device)
        del request.session[PENDING_APP_SESSION_KEY]
        django_otp.login(request, device)
        if codes:
            return show_recovery_codes(request, codes)
        messages.success(request, _("The authenticator app is set up."))
        return redirect(next_url(request))
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "qr_code": qr_svg(device.config_url, _("QR code for your authenticator app")),
            "config_url": device.config_url,
            "next": next_url(request),
        },
    )


@never_cache
@login_required
def verify(request):
    """Ask for the current code of one of the user's authenticator apps."""
    apps = list(devices.confirmed_apps(request.user))

    def check(token):
        return next((device for device in apps if device.verify_token(token)), None)

    form = OneTimeCodeForm(request.POST or None, device_check=check)
    if request.method == "POST" and form.is_valid():
        django_otp.login(request, form.device)
        return redirect(next_url(request))
    return render(
        request,
        "accounts/two_factor_verify.html",
        {
            "form": form,
            "has_device": bool(apps),
            "has_recovery_codes": devices.recovery_codes_left(request.user) > 0,
            "next": next_url(request),
        },
    )


@never_cache
@login_required
def recover(request):
    """Log in with one of the recovery codes instead of the app; each code works once."""
    device = RecoveryCodeDevice.objects.filter(user=request.user, confirmed=True).first()

    def check(code):
        return device if device is not None and device.verify_token(code) else None

    form = RecoveryCodeForm(request.POST or None, device_check=check)
    if request.method == "POST" and form.is_valid():
        django_otp.login(request, device)
        devices.record_recovery_login(request.user)
        left = devices.recovery_codes_left(request.user)
        messages.warning(
            request,
            _(
                "You logged in with a recovery code; %(left)s codes are left. If your phone "
                "is lost, remove its app and set up a new one under 'Two-factor login'."
            )
            % {"left": left},
        )
        return redirect(next_url(request))
    return render(
        request, "accounts/two_factor_recover.html", {"form": form, "next": next_url(request)}
    )
