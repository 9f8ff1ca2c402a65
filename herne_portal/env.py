"""Typed readers for environment variables, used by the settings module only.

Secrets may also come from a file: ``SECRET_KEY_FILE=/run/secrets/key`` is read
when ``SECRET_KEY`` itself is not set (Docker/Kubernetes secrets, systemd
credentials).
"""

import os
from pathlib import Path
from typing import overload

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


@overload
def envstr(name: str, default: str) -> str: ...
@overload
def envstr(name: str, default: None = None) -> str | None: ...
def envstr(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    if value is None:
        path = os.environ.get(f"{name}_FILE")
        if path:
            return Path(path).read_text(encoding="utf-8").strip()
        return default
    return value


def envbool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}.")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}.") from None


def envlist(name: str, default: str = "") -> list[str]:
    value = os.environ.get(name, default)
    return [item.strip() for item in value.split(",") if item.strip()]


def required_secret(name: str) -> str:
    value = envstr(name)
    if not value:
        raise ImproperlyConfigured(
            f"{name} is not set. Set the environment variable {name} "
            f"(or {name}_FILE pointing at a file that holds it)."
        )
    return value
