"""Every change to a user's second factors, each with its ``AccountEvent``.

Views and the admin only call these functions; who may call them is decided
in ``accounts.permissions``. Authenticator apps are django-otp ``TOTPDevice``
rows, recovery codes one ``RecoveryCodeDevice`` per user.
"""

import logging

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import AccountEvent, RecoveryCodeDevice

logger = logging.getLogger(__name__)

APP_NAME = "Authenticator-App"
RECOVERY_NAME = "Wiederherstellungscodes"


def confirmed_apps(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("created_at", "pk")


def recovery_codes_left(user) -> int:
    device = RecoveryCodeDevice.objects.filter(user=user).first()
    return device.codes.count() if device else 0


def has_confirmed_device(user) -> bool:
    return (
        TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        or RecoveryCodeDevice.objects.filter(user=user, confirmed=True).exists()
    )


def _record(user, actor, action, detail=""):
    AccountEvent.objects.create(user=user, actor=actor, action=action, detail=detail)
    logger.info("account event", extra={"user": user.pk, "actor": actor.pk, "action": action})


def start_enrolment(user, pending_pk: int | None) -> TOTPDevice:
    """The app being set up in this session (``pending_pk``), or a new secret.

    A secret belongs to the session that was shown it: secrets shown elsewhere
    (another browser, an earlier visit) are forgotten, never handed out again.
    """
    pending = TOTPDevice.objects.filter(user=user, confirmed=False)
    device = pending.filter(pk=pending_pk).first() if pending_pk else None
    if device is None:
        pending.delete()
        device = TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)
    return device


@transaction.atomic
def confirm_enrolment(user, device: TOTPDevice) -> list[str]:
    """The app's first code was right: the app counts from now on.

    At the first enrolment the user also gets recovery codes; the plain codes
    are returned to be shown once, an empty list when the user already has some.
    """
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    _record(user, user, AccountEvent.Action.DEVICE_ADDED, device.name)
    if RecoveryCodeDevice.objects.filter(user=user).exists():
        return []
    return new_recovery_codes(user)


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """A fresh set of recovery codes; the old ones stop working."""
    device, _created = RecoveryCodeDevice.objects.get_or_create(
        user=user, defaults={"name": RECOVERY_NAME}
    )
    codes = device.replace_codes()
    _record(user, user, AccountEvent.Action.RECOVERY_CODES_CREATED)
    return codes


def record_recovery_login(user) -> None:
    left = recovery_codes_left(user)
    _record(user, user, AccountEvent.Action.RECOVERY_CODE_USED, f"codes left: {left}")


@transaction.atomic
def remove_app(user, device: TOTPDevice) -> None:
    """Remove one of the user's apps; with the last app the recovery codes go too."""
    device.delete()
    _record(user, user, AccountEvent.Action.DEVICE_REMOVED, device.name)
    if not confirmed_apps(user).exists():
        RecoveryCodeDevice.objects.filter(user=user).delete()


@transaction.atomic
def reset_devices(user, actor) -> None:
    """An admin's reset after a lost phone: every app and recovery code of the user goes.

    The user sets up a new app at the next login (with the password only, as the
    first time), so the admin tells them to log in soon.
    """
    apps = TOTPDevice.objects.filter(user=user).delete()[0]
    RecoveryCodeDevice.objects.filter(user=user).delete()
    _record(user, actor, AccountEvent.Action.DEVICES_RESET, f"apps removed: {apps}")
