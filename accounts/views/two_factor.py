"""Setting up an authenticator app and entering its one-time code."""

import base64

import django_otp
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.forms import OneTimeCodeForm

DEVICE_NAME = "Authenticator-App"


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


@never_cache
@login_required
def setup(request):
    """Show a new secret for the app; confirm it with the first code."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=DEVICE_NAME, confirmed=False)

    def check(token):
        return device if device.verify_token(token) else None

    form = OneTimeCodeForm(request.POST or None, device_check=check)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        django_otp.login(request, device)
        return redirect(_next_url(request))
    secret = base64.b32encode(device.bin_key).decode()
    grouped = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "secret": grouped,
            "config_url": device.config_url,
            "next": _next_url(request),
        },
    )


@never_cache
@login_required
def verify(request):
    """Ask for the current code of a confirmed device."""
    devices = list(devices_for_user(request.user, confirmed=True))

    def check(token):
        return next((device for device in devices if device.verify_token(token)), None)

    form = OneTimeCodeForm(request.POST or None, device_check=check)
    if request.method == "POST" and form.is_valid():
        django_otp.login(request, form.device)
        return redirect(_next_url(request))
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "has_device": bool(devices), "next": _next_url(request)},
    )
