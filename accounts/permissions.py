"""Who may change a user's second factors: the one place for these rules.

These are ``rules`` *rules* (``rules.test_rule``), not permissions: Django's
``User.has_perm`` answers True for every superuser before asking any backend,
and an admin whose session has only seen the password must not be able to
add a device either.
"""

import rules
from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.devices import has_confirmed_device
from inquiries.permissions import is_administration_staff


def must_use_two_factor(user) -> bool:
    return bool(settings.TWO_FACTOR_FOR_STAFF) and is_administration_staff(user)


@rules.predicate
def session_is_verified(user):
    """Set by django-otp's middleware: this session has seen one of the user's devices."""
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


@rules.predicate
def has_no_device_yet(user):
    return not has_confirmed_device(user)


@rules.predicate
def owns_device(user, device):
    return device is not None and device.user_id == user.pk


def confirmed_app_ids(user) -> set[int]:
    """Ids of the user's confirmed apps, read once per request (the device list asks per app)."""
    cache = getattr(user, "_confirmed_app_ids", None)
    if cache is None:
        cache = set(
            TOTPDevice.objects.filter(user=user, confirmed=True).values_list("pk", flat=True)
        )
        user._confirmed_app_ids = cache
    return cache


@rules.predicate
def keeps_a_way_in(user, device):
    """After removing ``device`` a user who must use two factors still has an app."""
    if not must_use_two_factor(user):
        return True
    return bool(confirmed_app_ids(user) - {device.pk})


# Adding an app, new recovery codes, the device list: a session that has already
# confirmed one of the user's devices, or a user who has none yet (first enrolment).
may_change_devices = rules.is_authenticated & (session_is_verified | has_no_device_yet)

rules.add_rule("accounts.change_devices", may_change_devices)
rules.add_rule("accounts.remove_app", owns_device & session_is_verified & keeps_a_way_in)
