"""What the portal keeps about accounts beside Django's user: recovery codes and account events.

The authenticator apps themselves are django-otp's ``TOTPDevice`` rows. Recovery
codes are a django-otp device of their own (``RecoveryCodeDevice``) because
django-otp's static tokens are stored in plain text; ours keep only a keyed
hash of each code. Changes to a user's devices go through ``accounts.devices``,
which writes an ``AccountEvent`` for each.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin, TimestampMixin

# Unambiguous letters and digits (no 0/O, 1/I/L): 31 symbols, 12 per code = 59 bits.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12
CODES_PER_SET = 10
_HASH_SALT = "accounts.RecoveryCode"


def normalise_code(code: str) -> str:
    """What the user typed, without spaces and dashes, in capitals."""
    return "".join(code.split()).replace("-", "").upper()


def hash_code(code: str, secret: str | bytes | None = None) -> str:
    """HMAC-SHA256 of the normalised code, keyed with SECRET_KEY (or an old key)."""
    digest = salted_hmac(_HASH_SALT, normalise_code(code), secret=secret, algorithm="sha256")
    return digest.hexdigest()


def _hashes_to_try(code: str) -> list[str]:
    """The hash under the current key and under each key in SECRET_KEY_FALLBACKS."""
    keys = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    return [hash_code(code, secret=key) for key in keys]


class RecoveryCodeDevice(TimestampMixin, ThrottlingMixin, Device):
    """One set of single-use recovery codes of a user (a django-otp device)."""

    class Meta:
        verbose_name = _("recovery code set")
        verbose_name_plural = _("recovery code sets")

    def replace_codes(self) -> list[str]:
        """Forget the old codes, store hashes of new ones; the plain codes are returned once."""
        codes = [
            "".join(secrets.choice(CODE_ALPHABET) for _position in range(CODE_LENGTH))
            for _number in range(CODES_PER_SET)
        ]
        self.codes.all().delete()
        RecoveryCode.objects.bulk_create(
            RecoveryCode(device=self, code_hash=hash_code(code)) for code in codes
        )
        return [f"{code[:4]}-{code[4:8]}-{code[8:]}" for code in codes]

    def verify_token(self, token) -> bool:
        """A matching unused code is used up: deleted, it never verifies again.

        The delete is the check, so two requests racing with one code cannot both win.
        """
        verify_allowed, _reason = self.verify_is_allowed()
        if not verify_allowed:
            return False
        deleted, _by_model = self.codes.filter(code_hash__in=_hashes_to_try(str(token))).delete()
        if not deleted:
            self.throttle_increment()
            return False
        self.throttle_reset(commit=False)
        self.set_last_used_timestamp(commit=False)
        self.save()
        return True

    def get_throttle_factor(self):
        return 1  # waits of 1, 2, 4, 8 … seconds after wrong codes, as for the apps


class RecoveryCode(models.Model):
    """One unused recovery code, kept only as its hash."""

    device = models.ForeignKey(RecoveryCodeDevice, on_delete=models.CASCADE, related_name="codes")
    code_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")

    def __str__(self):
        return f"{self.device.user}: {self.code_hash[:8]}…"


class AccountEvent(models.Model):
    """Something that changed how a user logs in: who did it to whom, and when.

    The inquiries' ``AuditEvent`` belongs to an inquiry; account events do not,
    so they are kept here. Read-only in the admin.
    """

    class Action(models.TextChoices):
        DEVICE_ADDED = "device_added", _("authenticator app set up")
        DEVICE_REMOVED = "device_removed", _("authenticator app removed")
        RECOVERY_CODES_CREATED = "recovery_codes_created", _("new recovery codes created")
        RECOVERY_CODE_USED = "recovery_code_used", _("recovery code used to log in")
        DEVICES_RESET = "devices_reset", _("two-factor devices reset by an admin")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="account_events",
        verbose_name=_("user"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("actor"),
    )
    action = models.CharField(_("action"), max_length=30, choices=Action.choices)
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("account event")
        verbose_name_plural = _("account events")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.created_at:%d.%m.%Y %H:%M} {self.user}: {self.get_action_display()}"
