"""Settings for the benchmark: the real ones, with a minimal view beside the portal."""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")

from herne_portal.settings import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {"version": 1, "disable_existing_loggers": True}
if STATIC_ROOT is not None:  # noqa: F405
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 - whitenoise warns otherwise
